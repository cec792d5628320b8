import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { listBirthdays } from '@/lib/contacts/store';
import { getRequestLocale } from '@/lib/format/request-locale';
import { requestToday } from '@/lib/format/request-time-zone';
import { ContactAvatar } from '../contacts/contact-avatar';
import '../contacts/lists.css';
import { BirthdayPager } from './birthday-pager';
import { birthdayLine } from './birthday-text';
import { pageParam } from './page-param';

export const metadata = { title: 'Birthdays · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every contact with a birthday, the next to come first (today's at the top), 25 a page. */
export default async function BirthdaysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const page = pageParam((await searchParams).page);
  // The visitor's today (their browser's zone; UTC without JavaScript).
  const today = await requestToday();
  const [result, locale] = await Promise.all([
    listBirthdays(user.id, { today, page }),
    getRequestLocale(),
  ]);
  return (
    <section>
      <h1>Birthdays</h1>
      {result.total === 0 ? (
        <p className="empty-state">
          None of your contacts has a birthday yet. Add one on a contact’s page, or{' '}
          <Link href="/contacts">browse your contacts</Link>.
        </p>
      ) : (
        <>
          <p>
            {result.total === 1
              ? '1 contact has a birthday'
              : `${result.total.toLocaleString('en-US')} contacts have a birthday`}
            , the next to come first.
          </p>
          {result.contacts.length === 0 ? (
            <p className="empty-state">
              There is nothing on this page. <Link href="/birthdays">First page</Link>
            </p>
          ) : (
            <ul className="card-list" aria-label="Birthdays, the next first">
              {result.contacts.map((c) => {
                const line = birthdayLine(c, today, locale);
                return (
                  <li key={c.id} className="card-row">
                    <ContactAvatar id={c.id} name={c.displayName} photoEtag={c.photoEtag} />
                    <div className="card-text">
                      <Link href={`/contacts/${c.id}`}>{c.displayName}</Link>
                      {line.today ? (
                        <strong>
                          {line.date} ({line.when})
                        </strong>
                      ) : (
                        <span className="muted">
                          {line.date} ({line.when})
                        </span>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <BirthdayPager page={page} pageCount={result.pageCount} />
        </>
      )}
    </section>
  );
}
