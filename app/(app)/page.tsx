import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { countSentence, formatBirthday, formatDate } from '@/lib/contacts/format';
import {
  countContacts,
  listFavourites,
  listRecentContacts,
  listUpcomingBirthdays,
  type ContactListItem,
} from '@/lib/contacts/store';
import { ContactAvatar } from './contacts/contact-avatar';
import { FavouriteButton } from './contacts/favourite-button';
import './contacts/lists.css';

export const metadata = { title: 'Home · Contact Cards' };

const FAVOURITES_SHOWN = 12;
const RECENT_SHOWN = 5;

/** "today", "tomorrow" or "in 12 days", and the age they turn when the year is known. */
function whenAndAge(c: ContactListItem, today: Date): string {
  const md = c.birthdayMonthDay!;
  const year = today.getUTCFullYear();
  const todayUtc = Date.UTC(year, today.getUTCMonth(), today.getUTCDate());
  const on = (y: number) => Date.UTC(y, Math.floor(md / 100) - 1, md % 100);
  const next = on(year) < todayUtc ? on(year + 1) : on(year);
  const days = Math.round((next - todayUtc) / 86_400_000);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  if (!c.birthday) return when;
  const age = new Date(next).getUTCFullYear() - Number(c.birthday.slice(0, 4));
  return `${when}, turning ${age}`;
}

export default async function HomePage() {
  const { user } = await requireSession();
  const today = new Date();
  const [count, favourites, birthdays, recent] = await Promise.all([
    countContacts(user.id),
    listFavourites(user.id, FAVOURITES_SHOWN),
    listUpcomingBirthdays(user.id, { today }),
    listRecentContacts(user.id, RECENT_SHOWN),
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
      <section aria-labelledby="favourites-heading">
        <h2 id="favourites-heading">Favourites</h2>
        {favourites.length === 0 ? (
          <p className="muted">
            No favourites yet. Press the star beside a contact to keep them here.
          </p>
        ) : (
          <ul className="card-list">
            {favourites.map((c) => (
              <li key={c.id} className="card-row">
                <ContactAvatar id={c.id} name={c.displayName} photoEtag={c.photoEtag} />
                <div className="card-text">
                  <Link href={`/contacts/${c.id}`}>{c.displayName}</Link>
                  {c.primaryPhone || c.primaryEmail ? (
                    <span className="muted">{c.primaryPhone || c.primaryEmail}</span>
                  ) : null}
                </div>
                <FavouriteButton id={c.id} name={c.displayName} favourite back="/" />
              </li>
            ))}
          </ul>
        )}
        {favourites.length === FAVOURITES_SHOWN ? (
          <p>
            <Link href="/contacts?favourites=1">All favourites</Link>
          </p>
        ) : null}
      </section>
      <div className="home-grid">
        <section aria-labelledby="birthdays-heading">
          <h2 id="birthdays-heading">Birthdays in the next 30 days</h2>
          {birthdays.length === 0 ? (
            <p className="muted">No birthdays coming up.</p>
          ) : (
            <ul>
              {birthdays.map((c) => (
                <li key={c.id}>
                  <Link href={`/contacts/${c.id}`}>{c.displayName}</Link>:{' '}
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
                  <Link href={`/contacts/${c.id}`}>{c.displayName}</Link>{' '}
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
