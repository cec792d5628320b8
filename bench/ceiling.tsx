// Row 2's ceiling: the same work as the signed-in /contacts page with no framework. It unseals the
// same cookie, looks up the same session (verifySession's findLiveSession), runs the same contact
// store calls from lib/contacts (name order, count, labels, one page of contacts), and renders the
// same table with react-dom/server. Plain <a> elements stand in for next/link, which needs Next's
// router, and a plain form for the favourite star, whose server action needs Next. Run: node --import tsx bench/ceiling.tsx PORT
import http from 'node:http';
import { renderToString } from 'react-dom/server';
import { sessionCookieName, unsealSessionToken } from '../lib/auth/session-cookie';
import { findLiveSession } from '../lib/auth/session-lookup';
import { getConfig } from '../lib/config';
import { ContactAvatar } from '../app/(app)/contacts/contact-avatar';
import { countSentence } from '../lib/contacts/format';
import {
  countContacts,
  getNameOrder,
  listContacts,
  listLabels,
  type ContactListItem,
} from '../lib/contacts/store';
import { getDb } from '../lib/db/client';
import { runShutdown } from '../lib/server/shutdown';

const config = getConfig();
const cookieName = sessionCookieName(false);

async function currentUser(cookieHeader: string | undefined) {
  let sealed: string | undefined;
  for (const [, name, v] of (cookieHeader ?? '').matchAll(/(?:^|;\s*)([^=]+)=([^;]*)/g)) {
    if (name === cookieName) sealed = v;
  }
  const token = await unsealSessionToken(sealed, config);
  return token ? ((await findLiveSession(token))?.user ?? null) : null;
}

function Table({ contacts }: { contacts: ContactListItem[] }) {
  return (
    <table className="contacts-table">
      <caption className="visually-hidden">Contacts, sorted by first name, page 1</caption>
      <thead>
        <tr>
          <td className="avatar-cell" />
          <th scope="col">Name</th>
          <th scope="col">Details</th>
          <th scope="col" className="star-cell">
            <span className="visually-hidden">Favourite</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id}>
            <td className="avatar-cell">
              <ContactAvatar id={c.id} name={c.displayName} photoEtag={c.photoEtag} />
            </td>
            <th scope="row">
              <a href={`/contacts/${c.id}`}>{c.displayName}</a>
            </th>
            <td>
              <div className="contact-details">
                {c.organization ? <span>{c.organization}</span> : null}
                {c.primaryEmail ? <span>{c.primaryEmail}</span> : null}
                {c.primaryPhone ? <span>{c.primaryPhone}</span> : null}
              </div>
            </td>
            <td className="star-cell">
              <form method="post" className="favourite-form">
                <input type="hidden" name="id" value={c.id} />
                <button type="submit" className="star" aria-pressed={c.favourite}>
                  <span aria-hidden="true">{c.favourite ? '★' : '☆'}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const server = http.createServer(async (req, res) => {
  try {
    const user = await currentUser(req.headers.cookie);
    if (!user) {
      res.writeHead(307, { location: '/login' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://ceiling.invalid');
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const nameOrder = await getNameOrder(user.id);
    const [count, , result] = await Promise.all([
      countContacts(user.id),
      listLabels(user.id),
      listContacts(user.id, { q: url.searchParams.get('q') ?? '', page, nameOrder }),
    ]);
    const html = renderToString(
      <html lang="en">
        <body>
          <main>
            <h1>Contacts</h1>
            <p>{countSentence(count)}</p>
            <Table contacts={result.contacts} />
          </main>
        </body>
      </html>,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!DOCTYPE html>${html}`);
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
});

// tsx compiles a .tsx file in this (CommonJS) package to CommonJS: no top-level await.
void getDb().then(() =>
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log('ceiling listening')),
);
process.once('SIGTERM', () => server.close(() => void runShutdown().then(() => process.exit(0))));
