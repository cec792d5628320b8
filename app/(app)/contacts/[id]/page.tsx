import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import {
  contactName,
  formatBirthday,
  formatDate,
  mailtoHref,
  telHref,
  websiteHref,
} from '@/lib/contacts/format';
import { DeleteContact } from './delete-contact';
import { contactOr404, contactTitle } from './load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `${name} · Contact Cards`);
}

/** A link only when the value makes a safe one; otherwise the value as text. */
function LinkOrText({ href, children }: { href: string | null; children: string }) {
  if (!children) return <span className="muted">Not given</span>;
  return href ? <a href={href}>{children}</a> : <>{children}</>;
}

export default async function ContactPage({ params }: Props) {
  const c = await contactOr404((await params).id);
  const name = contactName(c);
  const website = websiteHref(c.website);
  const rows: [string, ReactNode][] = [
    ['First name', c.firstName || <span className="muted">Not given</span>],
    ['Last name', c.lastName || <span className="muted">Not given</span>],
    [
      'Birthday',
      formatBirthday(c.birthday, c.birthdayMonthDay) || <span className="muted">Not given</span>,
    ],
    [
      'Email',
      <LinkOrText key="email" href={mailtoHref(c.email)}>
        {c.email}
      </LinkOrText>,
    ],
    [
      'Website',
      website ? (
        <a href={website} rel="noopener noreferrer nofollow">
          {c.website}
        </a>
      ) : (
        c.website || <span className="muted">Not given</span>
      ),
    ],
    [
      'Work phone',
      <LinkOrText key="workPhone" href={telHref(c.workPhone)}>
        {c.workPhone}
      </LinkOrText>,
    ],
    [
      'Home phone',
      <LinkOrText key="homePhone" href={telHref(c.homePhone)}>
        {c.homePhone}
      </LinkOrText>,
    ],
    [
      'Mobile phone',
      <LinkOrText key="mobilePhone" href={telHref(c.mobilePhone)}>
        {c.mobilePhone}
      </LinkOrText>,
    ],
    ['Notes', c.notes || <span className="muted">None</span>],
    ['Added', formatDate(c.createdAt)],
  ];
  return (
    <section>
      <p>
        <Link href="/contacts">← All contacts</Link>
      </p>
      <h1>{name}</h1>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details-row">
            <dt>{label}</dt>
            <dd className={label === 'Notes' ? 'preserve-lines' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
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
