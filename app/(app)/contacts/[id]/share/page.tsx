import type { Metadata } from 'next';
import Link from 'next/link';
import { displayName } from '@/lib/contacts/model';
import { qrSvg } from '@/lib/contacts/share/qr-svg';
import { shareCard } from '@/lib/contacts/share/share-card';
import { contactTitle, storedContactOr404 } from '../load-contact';
import styles from './share.module.css';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `Share ${name} · Contact Cards`);
}

/** A QR code of the contact's card, for a phone's camera, and a layout that prints as a card. */
export default async function ShareContactPage({ params }: Props) {
  const c = await storedContactOr404((await params).id);
  const name = displayName(c.model) || 'No name';
  const { text, leftOut } = shareCard(c.model, c.photoEtag !== null);
  return (
    <section className={styles.share}>
      <p className="no-print">
        <Link href={`/contacts/${c.id}`}>← Back to {name}</Link>
      </p>
      <h1>Share {name}</h1>
      {text ? (
        <figure className={styles.figure}>
          <div
            className={styles.code}
            role="img"
            aria-label={`QR code of ${name}'s contact card`}
            // Markup drawn from the code's modules alone (lib/contacts/share/qr-svg.ts): no text
            // of the contact's is in it.
            dangerouslySetInnerHTML={{ __html: qrSvg(text) }}
          />
          <figcaption>
            Point a phone&apos;s camera at the code to add {name} to its contacts.
          </figcaption>
        </figure>
      ) : (
        <p>
          {name}&apos;s details are too long for a QR code. Download the card and send it instead.
        </p>
      )}
      {text && leftOut.length > 0 ? (
        <p className={styles.leftOut}>Not in the code: {leftOut.join('; ')}.</p>
      ) : null}
      <p className="no-print">
        To print this page, use your browser&apos;s Print command; it prints the code and the name
        only.
      </p>
      <div className="actions no-print">
        <a href={`/contacts/${c.id}/vcard`} className="button" download>
          Download the full card (.vcf)
        </a>
        <Link href={`/contacts/${c.id}`} className="button secondary">
          Done
        </Link>
      </div>
    </section>
  );
}
