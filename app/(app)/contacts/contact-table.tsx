import Link from 'next/link';
import { formatBirthday } from '@/lib/contacts/format';
import type { ContactListItem, NameOrder } from '@/lib/contacts/store';
import { getRequestLocale } from '@/lib/format/request-locale';
import { ContactAvatar } from './contact-avatar';
import { StarButton, StarsForm } from './favourite-button';
import { groupByLetter, letterId, letterOf } from './letter';
import { sortedNameParts } from './sorted-name';

/**
 * The list's rows: photo or initials, the name (the row's header, nothing else in it),
 * organisation, primary email and phone, and the favourite star. A table on a wide screen; at
 * 640 px and below lists.css lays each row out as a card of stacked lines, so 320 px never
 * scrolls sideways. Sorted by name, each letter's rows are a row group under a letter heading
 * (the A–Z jump's targets).
 */
export async function ContactTable({
  contacts,
  caption,
  back,
  showBirthday = false,
  nameOrder,
}: {
  contacts: ContactListItem[];
  caption: string;
  back: string;
  /** Sorted by birthday: say each one. */
  showBirthday?: boolean;
  /** Sorted by name: the part it is sorted by is set in bold, and rows go under letters. */
  nameOrder?: NameOrder;
}) {
  if (contacts.length === 0) return null;
  const locale = await getRequestLocale();
  const groups: [string | null, ContactListItem[]][] = nameOrder
    ? groupByLetter(contacts, (c) => letterOf(c, nameOrder))
    : [[null, contacts]];
  const columns = showBirthday ? 7 : 6;
  const seen = new Set<string>();
  return (
    // One form for the stars of every row (favourite-button.tsx).
    <StarsForm back={back}>
      <table className="contacts-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td className="avatar-cell" />
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            {showBirthday ? <th scope="col">Birthday</th> : null}
            <th scope="col" className="star-cell">
              <span className="visually-hidden">Favourite</span>
            </th>
          </tr>
        </thead>
        {groups.map(([letter, rows], g) => {
          // A letter can come round twice ("#" for digits before A and other scripts after Z):
          // only its first heading carries the id.
          const first = letter !== null && !seen.has(letter);
          if (letter) seen.add(letter);
          return (
            <tbody key={g}>
              {letter ? (
                <tr className="letter-row">
                  <td colSpan={columns}>
                    <h2 id={first ? letterId(letter) : undefined} tabIndex={-1}>
                      {letter === '#' ? (
                        <>
                          #<span className="visually-hidden"> (other names)</span>
                        </>
                      ) : (
                        letter
                      )}
                    </h2>
                  </td>
                </tr>
              ) : null}
              {rows.map((c) => (
                <tr key={c.id} className="contact-row">
                  <td className="avatar-cell">
                    <ContactAvatar id={c.id} name={c.displayName} photoEtag={c.photoEtag} />
                  </td>
                  <th scope="row" className="name-cell">
                    <Link href={`/contacts/${c.id}`}>
                      <ShownName item={c} order={nameOrder} />
                    </Link>
                  </th>
                  <td className="org-cell">{c.organization}</td>
                  <td className="email-cell">{c.primaryEmail}</td>
                  <td className="phone-cell">{c.primaryPhone}</td>
                  {showBirthday ? (
                    <td className="birthday-cell">
                      {c.birthdayMonthDay != null ? (
                        <>
                          <span className="mobile-label">Birthday </span>
                          {formatBirthday(c.birthday, c.birthdayMonthDay, locale)}
                        </>
                      ) : null}
                    </td>
                  ) : null}
                  <td className="star-cell">
                    <StarButton id={c.id} name={c.displayName} favourite={c.favourite} />
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </StarsForm>
  );
}

function ShownName({ item, order }: { item: ContactListItem; order?: NameOrder }) {
  const parts = order ? sortedNameParts(item, order) : null;
  if (!parts) return item.displayName;
  const [before, key, after] = parts;
  return (
    <>
      {before}
      <strong>{key}</strong>
      {after}
    </>
  );
}
