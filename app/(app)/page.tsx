import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { contactName, countSentence, formatBirthday, formatDate } from '@/lib/contacts/format';
import { countContacts, listRecentContacts, listUpcomingBirthdays } from '@/lib/contacts/store';
import {
  legacySummary,
  type LegacySummary as ContactSummary,
} from '@/lib/contacts/store/legacy-bridge';

export const metadata = { title: 'Home · Contact Cards' };

/** "today", "tomorrow" or "in 12 days", and the age they turn when the year is known. */
function whenAndAge(c: ContactSummary, today: Date): string {
  const md = c.birthdayMonthDay!;
  const year = today.getUTCFullYear();
  const todayUtc = Date.UTC(year, today.getUTCMonth(), today.getUTCDate());
  let next = Date.UTC(year, Math.floor(md / 100) - 1, md % 100);
  if (next < todayUtc) next = Date.UTC(year + 1, Math.floor(md / 100) - 1, md % 100);
  const days = Math.round((next - todayUtc) / 86_400_000);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  if (!c.birthday) return when;
  const age = new Date(next).getUTCFullYear() - Number(c.birthday.slice(0, 4));
  return `${when}, turning ${age}`;
}

export default async function HomePage() {
  const { user } = await requireSession();
  const today = new Date();
  const [count, birthdays, recent] = await Promise.all([
    countContacts(user.id),
    listUpcomingBirthdays(user.id, { today }).then((rows) => rows.map(legacySummary)),
    listRecentContacts(user.id).then((rows) => rows.map(legacySummary)),
  ]);
  return (
    <section>
      <h1>Welcome, {user.username}</h1>
      <p>{countSentence(count)}</p>
      <p className="actions">
        <Link href="/contacts/new" className="button">
          Add a contact
        </Link>
        <Link href="/contacts" className="button secondary">
          Browse your contacts
        </Link>
        <Link href="/contacts/import">Import contacts</Link>
      </p>
      <div className="home-grid">
        <section aria-labelledby="birthdays-heading">
          <h2 id="birthdays-heading">Birthdays in the next 30 days</h2>
          {birthdays.length === 0 ? (
            <p className="muted">No birthdays coming up.</p>
          ) : (
            <ul>
              {birthdays.map((c) => (
                <li key={c.id}>
                  <Link href={`/contacts/${c.id}`}>{contactName(c)}</Link>:{' '}
                  {formatBirthday(null, c.birthdayMonthDay)} ({whenAndAge(c, today)})
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently added</h2>
          {recent.length === 0 ? (
            <p className="muted">
              Nothing yet. <Link href="/contacts/new">Add your first contact</Link>.
            </p>
          ) : (
            <ul>
              {recent.map((c) => (
                <li key={c.id}>
                  <Link href={`/contacts/${c.id}`}>{contactName(c)}</Link>{' '}
                  <span className="muted">added {formatDate(c.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
