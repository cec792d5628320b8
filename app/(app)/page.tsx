import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { countSentence } from '@/lib/contacts/format';
import {
  countContacts,
  countUpcomingBirthdays,
  listFavourites,
  listRecentContacts,
  listUpcomingBirthdays,
} from '@/lib/contacts/store';
import { formatDay } from '@/lib/format/date';
import { getRequestLocale } from '@/lib/format/request-locale';
import { requestToday } from '@/lib/format/request-time-zone';
import { birthdayLine } from './birthdays/birthday-text';
import { ContactAvatar } from './contacts/contact-avatar';
import { StarButton, StarsForm } from './contacts/favourite-button';
import './contacts/lists.css';

export const metadata = { title: 'Home · Contact Cards' };

const FAVOURITES_SHOWN = 12;
const RECENT_SHOWN = 5;
const BIRTHDAYS_SHOWN = 5;
const BIRTHDAY_DAYS = 30;

export default async function HomePage() {
  const { user } = await requireSession();
  // The visitor's today (their browser's zone; UTC without JavaScript).
  const today = await requestToday();
  const range = { today, days: BIRTHDAY_DAYS };
  const [count, favourites, birthdays, upcoming, recent, locale] = await Promise.all([
    countContacts(user.id),
    listFavourites(user.id, FAVOURITES_SHOWN),
    listUpcomingBirthdays(user.id, { ...range, limit: BIRTHDAYS_SHOWN }),
    countUpcomingBirthdays(user.id, range),
    listRecentContacts(user.id, RECENT_SHOWN),
    getRequestLocale(),
  ]);
  const moreBirthdays = upcoming - birthdays.length;
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
          <StarsForm back="/">
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
                  <StarButton id={c.id} name={c.displayName} favourite />
                </li>
              ))}
            </ul>
          </StarsForm>
        )}
        {favourites.length === FAVOURITES_SHOWN ? (
          <p>
            <Link href="/contacts?favourites=1">All favourites</Link>
          </p>
        ) : null}
      </section>
      <div className="home-grid">
        <section aria-labelledby="birthdays-heading">
          <h2 id="birthdays-heading">Birthdays in the next {BIRTHDAY_DAYS} days</h2>
          {birthdays.length === 0 ? (
            <p className="muted">No birthdays coming up.</p>
          ) : (
            <ul>
              {birthdays.map((c) => {
                const line = birthdayLine(c, today, locale);
                return (
                  <li key={c.id}>
                    <Link href={`/contacts/${c.id}`}>{c.displayName}</Link>: {line.date} (
                    {line.when})
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            {moreBirthdays > 0
              ? `And ${moreBirthdays.toLocaleString('en-US')} more in the next ${BIRTHDAY_DAYS} days. `
              : null}
            <Link href="/birthdays">All birthdays</Link>
          </p>
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
                  <span className="muted">added {formatDay(c.createdAt, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
