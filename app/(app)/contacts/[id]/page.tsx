import type { Metadata } from 'next';
import Link from 'next/link';
import { displayName } from '@/lib/contacts/model';
import { photoUrl } from '@/lib/contacts/photo-http';
import { ContactDetails } from '../contact-details';
import styles from '../editor/editor.module.css';
import { DeleteContact } from './delete-contact';
import { contactTitle, storedContactOr404 } from './load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `${name} · Contact Cards`);
}

/** Up to two initials for a contact without a photo. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');
}

export default async function ContactPage({ params }: Props) {
  const c = await storedContactOr404((await params).id);
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
      </div>
      <ContactDetails model={c.model} flags={c.flags} />
      <p className="muted">Added {c.createdAt.toISOString().slice(0, 10)}</p>
      <div className="actions contact-actions">
        <Link href={`/contacts/${c.id}/edit`} className="button">
          Edit
        </Link>
        <a href={`/contacts/${c.id}/vcard`} className="button secondary" download>
          Download vCard
        </a>
        <DeleteContact id={c.id} name={name} />
      </div>
    </section>
  );
}
