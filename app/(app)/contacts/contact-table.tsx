import Link from 'next/link';
import { formatBirthday } from '@/lib/contacts/format';
import type { ContactListItem, NameOrder } from '@/lib/contacts/store';
import { getRequestLocale } from '@/lib/format/request-locale';
import { ContactAvatar } from './contact-avatar';
import { FavouriteButton } from './favourite-button';
import { sortedNameParts } from './sorted-name';

/**
 * The list's rows: photo or initials, the name (the row's header, nothing else in it), then
 * organisation, primary email and phone stacked in one cell so that 320 px never scrolls
 * sideways, and the favourite star.
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
  /** Sorted by name: the part it is sorted by is set in bold. */
  nameOrder?: NameOrder;
}) {
  if (contacts.length === 0) return null;
  const locale = await getRequestLocale();
  return (
    <table className="contacts-table">
      <caption className="visually-hidden">{caption}</caption>
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
              <Link href={`/contacts/${c.id}`}>
                <ShownName item={c} order={nameOrder} />
              </Link>
            </th>
            <td>
              <div className="contact-details">
                {c.organization ? <span>{c.organization}</span> : null}
                {c.primaryEmail ? <span>{c.primaryEmail}</span> : null}
                {c.primaryPhone ? <span>{c.primaryPhone}</span> : null}
                {showBirthday && c.birthdayMonthDay != null ? (
                  <span className="muted">
                    Birthday {formatBirthday(c.birthday, c.birthdayMonthDay, locale)}
                  </span>
                ) : null}
              </div>
            </td>
            <td className="star-cell">
              <FavouriteButton id={c.id} name={c.displayName} favourite={c.favourite} back={back} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
