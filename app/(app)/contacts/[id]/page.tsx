import type { Metadata } from 'next';
import Link from 'next/link';
import { Icon } from '@/components/icon';
import { displayName, type LabelledValue } from '@/lib/contacts/model';
import { mailtoHref, telHref } from '@/lib/contacts/format';
import { formatDay } from '@/lib/format/date';
import { getRequestLocale } from '@/lib/format/request-locale';
import { ContactAvatar } from '../contact-avatar';
import { ContactSections } from '../contact-sections';
import { FavouriteButton } from '../favourite-button';
import { CopyButton } from './copy-button';
import { DeleteContact } from './delete-contact';
import { contactTitle, storedContactOr404 } from './load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `${name} · Contact Cards`);
}

/** The preferred value of a kind, else the first: what Call, Email and Copy act on. */
const primary = (rows: LabelledValue[]) => (rows.find((r) => r.pref) ?? rows[0])?.value ?? '';

export default async function ContactPage({ params }: Props) {
  const c = await storedContactOr404((await params).id);
  const locale = await getRequestLocale();
  const name = displayName(c.model) || 'No name';
  const { organization, department, jobTitle } = c.model;
  const role = [jobTitle, department].filter(Boolean).join(', ');
  const phone = primary(c.model.phones);
  const email = primary(c.model.emails);
  const tel = phone ? telHref(phone) : null;
  const mailto = email ? mailtoHref(email) : null;
  return (
    <section className="contact-page">
      <p className="back-link">
        <Link href="/contacts">
          <Icon name="back" />
          All contacts
        </Link>
      </p>
      <div className="contact-hero">
        <ContactAvatar
          id={c.id}
          name={name}
          photoEtag={c.photoEtag}
          large
          alt={`Photo of ${name}`}
        />
        <div className="contact-hero-text">
          <h1>{name}</h1>
          {role ? <p className="contact-role">{role}</p> : null}
          {organization ? (
            <p className="contact-org">
              <Icon name="organisation" />
              {organization}
            </p>
          ) : null}
        </div>
        <FavouriteButton
          id={c.id}
          name={name}
          favourite={c.model.favourite}
          back={`/contacts/${c.id}`}
        />
      </div>
      <div className="actions contact-actions" role="group" aria-label="Actions">
        {tel ? (
          <a href={tel} className="button">
            <Icon name="phone" />
            Call
          </a>
        ) : null}
        {mailto ? (
          <a href={mailto} className="button">
            <Icon name="mail" />
            Email
          </a>
        ) : null}
        {phone ? (
          <CopyButton value={phone} label="Copy number" icon={<Icon name="copy" />} />
        ) : null}
        {email ? <CopyButton value={email} label="Copy email" icon={<Icon name="copy" />} /> : null}
        <Link href={`/contacts/${c.id}/edit`} className="button secondary">
          <Icon name="edit" />
          Edit
        </Link>
        <Link href={`/contacts/${c.id}/share`} className="button secondary">
          <Icon name="share" />
          Share or print
        </Link>
        <a href={`/contacts/${c.id}/vcard`} className="button secondary" download>
          <Icon name="download" />
          Download vCard
        </a>
        <DeleteContact id={c.id} name={name} icon={<Icon name="trash" />} />
      </div>
      <ContactSections
        model={c.model}
        flags={c.flags}
        locale={locale}
        icons={{
          contact: <Icon name="phone" />,
          personal: <Icon name="person" />,
          labels: <Icon name="label" />,
          note: <Icon name="note" />,
        }}
      />
      <p className="muted">Added {formatDay(c.createdAt, locale)}</p>
    </section>
  );
}
