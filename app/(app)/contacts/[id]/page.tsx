import type { Metadata } from 'next';
import Link from 'next/link';
import { displayName } from '@/lib/contacts/model';
import { photoUrl } from '@/lib/contacts/photo-http';
import { formatDay } from '@/lib/format/date';
import { getRequestLocale } from '@/lib/format/request-locale';
import { initials } from '../contact-avatar';
import { ContactDetails } from '../contact-details';
import { FavouriteButton } from '../favourite-button';
import styles from '../editor/editor.module.css';
import { DeleteContact } from './delete-contact';
import { contactTitle, storedContactOr404 } from './load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `${name} · Contact Cards`);
}

export default async function ContactPage({ params }: Props) {
  const c = await storedContactOr404((await params).id);
  const locale = await getRequestLocale();
  const name = displayName(c.model) || 'No name';
  return (
    <section>
      <p>
        <Link href="/contacts">← All contacts</Link>
      </p>
      <div className={styles.heading}>
        {c.photoEtag ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, per-user image
          <img
            src={photoUrl(c.id, c.photoEtag)}
            alt={`Photo of ${name}`}
            className={styles.photo}
            width={128}
            height={128}
          />
        ) : (
          <span className={styles.initials} aria-hidden="true">
            {initials(name)}
          </span>
        )}
        <h1>{name}</h1>
        <FavouriteButton
          id={c.id}
          name={name}
          favourite={c.model.favourite}
          back={`/contacts/${c.id}`}
        />
      </div>
      <ContactDetails model={c.model} flags={c.flags} locale={locale} />
      <p className="muted">Added {formatDay(c.createdAt, locale)}</p>
      <div className="actions contact-actions">
        <Link href={`/contacts/${c.id}/edit`} className="button">
          Edit
        </Link>
        <a href={`/contacts/${c.id}/vcard`} className="button secondary" download>
          Download vCard
        </a>
        <Link href={`/contacts/${c.id}/share`} className="button secondary">
          Share or print
        </Link>
        <DeleteContact id={c.id} name={name} />
      </div>
    </section>
  );
}
