import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { contactName, countSentence, formatBirthday } from '@/lib/contacts/format';
import { CONTACT_SORTS, countContacts, listContacts, type ContactSort } from '@/lib/contacts/store';
import {
  legacyPage,
  type LegacySummary as ContactSummary,
} from '@/lib/contacts/store/legacy-bridge';
import { SearchForm } from './search-form';

export const metadata = { title: 'Contacts · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<ContactSort, string> = {
  name: 'Name',
  birthday: 'Birthday',
  added: 'Date added',
};
/** Deeper than this is never reached by clicking "Next"; OFFSET stays cheap below it. */
const MAX_PAGE = 10_000;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

function readParams(raw: Record<string, string | string[] | undefined>) {
  const q = one(raw.q).slice(0, 100).trim();
  const sortParam = one(raw.sort);
  const sort = (CONTACT_SORTS as readonly string[]).includes(sortParam)
    ? (sortParam as ContactSort)
    : 'name';
  const pageNumber = Number(one(raw.page) || 1);
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { q, sort, page };
}

/** The list's address with the given state; defaults are left out to keep URLs short. */
function href({ q, sort, page }: { q: string; sort: ContactSort; page: number }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sort !== 'name') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/contacts?${query}` : '/contacts';
}

function phones(c: ContactSummary): string[] {
  return [c.mobilePhone, c.workPhone, c.homePhone].filter(Boolean);
}

/** What a search found, in words (the count of matches is not computed: it would cost a scan). */
function searchSummary(
  { q, page }: { q: string; page: number },
  { contacts, hasNext }: { contacts: ContactSummary[]; hasNext: boolean },
): string {
  if (page > 1) return `Page ${page.toLocaleString('en-US')} of the contacts matching “${q}”.`;
  if (hasNext) return `More than ${contacts.length} contacts match “${q}”.`;
  if (contacts.length === 0) return `No contacts match “${q}”.`;
  return `${contacts.length} ${contacts.length === 1 ? 'contact matches' : 'contacts match'} “${q}”.`;
}

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const state = readParams(await searchParams);
  const [count, result] = await Promise.all([
    countContacts(user.id),
    listContacts(user.id, state).then(legacyPage),
  ]);
  return (
    <section>
      <h1>Contacts</h1>
      <p>{countSentence(count)}</p>
      <p className="actions">
        <Link href="/contacts/new">Add a contact</Link>
        <Link href="/contacts/import">Import</Link>
        {count > 0 ? (
          <>
            <a href="/contacts/export.vcf" download>
              Export as vCard
            </a>
            <a href="/contacts/export.csv" download>
              Export as CSV
            </a>
          </>
        ) : null}
      </p>
      {count === 0 ? (
        <p className="empty-state">
          Your address book is empty. <Link href="/contacts/new">Add your first contact</Link> or{' '}
          <Link href="/contacts/import">import a file</Link>.
        </p>
      ) : (
        <>
          <SearchForm q={state.q} sort={state.sort} />
          {/* Always present, so that screen readers announce each new result as the user types. */}
          <p id="search-summary" className="muted search-summary" aria-live="polite">
            {state.q ? searchSummary(state, result) : null}
          </p>
          <nav aria-label="Sort" className="sort-nav">
            <span>Sort by:</span>
            <ul>
              {CONTACT_SORTS.map((sort) => (
                <li key={sort}>
                  {sort === state.sort ? (
                    <strong aria-current="true">{SORT_LABELS[sort]}</strong>
                  ) : (
                    <Link href={href({ ...state, sort, page: 1 })}>{SORT_LABELS[sort]}</Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <ContactTable contacts={result.contacts} state={state} />
          {result.contacts.length === 0 ? (
            <p className="empty-state">
              {state.q ? null : 'There is nothing on this page. '}
              <Link href={href({ q: '', sort: state.sort, page: 1 })}>Show all contacts</Link>
            </p>
          ) : null}
          <nav aria-label="Pages" className="pager">
            {result.hasPrevious ? (
              <Link href={href({ ...state, page: state.page - 1 })} rel="prev">
                Previous
              </Link>
            ) : null}
            <span>Page {state.page.toLocaleString('en-US')}</span>
            {result.hasNext ? (
              <Link href={href({ ...state, page: state.page + 1 })} rel="next">
                Next
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}

function ContactTable({
  contacts,
  state,
}: {
  contacts: ContactSummary[];
  state: { q: string; sort: ContactSort; page: number };
}) {
  if (contacts.length === 0) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">
          Contacts{state.q ? ` matching “${state.q}”` : ''}, sorted by{' '}
          {SORT_LABELS[state.sort].toLowerCase()}, page {state.page}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Phones</th>
            <th scope="col">Birthday</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link href={`/contacts/${c.id}`}>{contactName(c)}</Link>
              </th>
              <td>{c.email}</td>
              <td>
                {phones(c).map((p) => (
                  <div key={p}>{p}</div>
                ))}
              </td>
              <td>{formatBirthday(c.birthday, c.birthdayMonthDay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
