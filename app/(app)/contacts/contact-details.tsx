import Link from 'next/link';
import type { ReactNode } from 'react';
import { mailtoHref, telHref, websiteHref } from '@/lib/contacts/format';
import { formatCalendarDate } from '@/lib/format/date';
import type { ContactFlag, ContactModel, LabelledValue, PostalAddress } from '@/lib/contacts/model';
import { ADDRESS_LABELS, capitalise } from './editor/field-names';
import styles from './editor/editor.module.css';

/** "1985-04-12" → "12 Apr 1985", "--04-12" → "12 Apr"; anything else as it was kept. */
const showDate = (value: string, locale: string) => formatCalendarDate(value, locale) ?? value;

/** The note beside a value kept although it failed its check. */
function FlagNote({
  flags,
  field,
  index,
}: {
  flags: ContactFlag[];
  field: string;
  index?: number;
}) {
  const flag = flags.find((f) => f.field === field && f.index === index);
  return flag ? (
    <span className="badge" title={flag.reason}>
      {flag.reason}
    </span>
  ) : null;
}

function labelText(row: { label: string; pref?: boolean }) {
  const parts = [row.label ? capitalise(row.label) : '', row.pref ? 'preferred' : ''].filter(
    Boolean,
  );
  return parts.length ? <span className="muted"> ({parts.join(', ')})</span> : null;
}

function values(
  rows: LabelledValue[],
  field: string,
  flags: ContactFlag[],
  href: (v: string) => string | null,
  external = false,
): ReactNode {
  return (
    <ul className={styles.plainList}>
      {rows.map((row, i) => {
        const target = href(row.value);
        return (
          <li key={i}>
            {target ? (
              <a href={target} rel={external ? 'noopener noreferrer nofollow' : undefined}>
                {row.value}
              </a>
            ) : (
              row.value
            )}
            {labelText(row)} <FlagNote flags={flags} field={field} index={i} />
          </li>
        );
      })}
    </ul>
  );
}

function address(a: PostalAddress) {
  const lines = [
    a.poBox && `${ADDRESS_LABELS.poBox} ${a.poBox}`,
    a.extended,
    a.street,
    [a.locality, a.region, a.postalCode].filter(Boolean).join(', '),
    a.country,
  ];
  return lines.filter(Boolean).join('\n');
}

/**
 * Every filled field of a contact, labelled: the contact page and the edit conflict view. Dates
 * are written in `locale` (lib/format/request-locale.ts).
 */
export function ContactDetails({
  model: c,
  flags,
  locale,
}: {
  model: ContactModel;
  flags: ContactFlag[];
  locale: string;
}) {
  const name = [c.name.prefix, c.name.given, c.name.middle, c.name.family, c.name.suffix]
    .filter(Boolean)
    .join(' ');
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode, when: unknown = value) => {
    if (when) rows.push([label, value]);
  };
  add('Name', name);
  add('Nickname', c.nickname);
  add('Company', c.organization);
  add('Department', c.department);
  add('Job title', c.jobTitle);
  add('Emails', values(c.emails, 'emails', flags, mailtoHref), c.emails.length);
  add('Phones', values(c.phones, 'phones', flags, telHref), c.phones.length);
  add(
    'Addresses',
    <ul className={styles.plainList}>
      {c.addresses.map((a, i) => (
        <li key={i} className="preserve-lines">
          {address(a)}
          {labelText(a)}
        </li>
      ))}
    </ul>,
    c.addresses.length,
  );
  add('Websites', values(c.urls, 'urls', flags, websiteHref, true), c.urls.length);
  add(
    'Messaging and social',
    values(c.impps, 'impps', flags, (v) => websiteHref(v)),
    c.impps.length,
  );
  for (const f of ['birthday', 'anniversary'] as const) {
    add(
      capitalise(f),
      <>
        {showDate(c[f], locale)} <FlagNote flags={flags} field={f} />
      </>,
      c[f],
    );
  }
  add(
    'Other dates',
    <ul className={styles.plainList}>
      {c.dates.map((d, i) => (
        <li key={i}>
          {d.label ? `${d.label}: ` : ''}
          {showDate(d.value, locale)} <FlagNote flags={flags} field="dates" index={i} />
        </li>
      ))}
    </ul>,
    c.dates.length,
  );
  add(
    'Related people',
    <ul className={styles.plainList}>
      {c.related.map((r, i) => (
        <li key={i}>
          {r.value}
          {r.label ? <span className="muted"> ({r.label})</span> : null}
        </li>
      ))}
    </ul>,
    c.related.length,
  );
  add(
    'Labels',
    <ul className={styles.chips}>
      {c.labels.map((l) => (
        <li key={l}>
          <Link className="badge" href={`/contacts?label=${encodeURIComponent(l)}`}>
            {l}
          </Link>
        </li>
      ))}
    </ul>,
    c.labels.length,
  );
  add('Favourite', 'Yes', c.favourite);
  add('Note', c.note);
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd className={label === 'Note' ? 'preserve-lines' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
