import Link from 'next/link';
import type { ReactNode } from 'react';
import { mailtoHref, telHref, websiteHref } from '@/lib/contacts/format';
import { formatCalendarDate } from '@/lib/format/date';
import {
  type ContactFlag,
  type ContactModel,
  type LabelledValue,
  type PostalAddress,
} from '@/lib/contacts/model';
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

export type Row = [label: string, value: ReactNode];
/** The contact page's sections (contact-sections.tsx), in the order they are shown. */
export type DetailSection = 'contact' | 'work' | 'personal' | 'labels' | 'note';

/**
 * Every filled field of a contact as labelled rows, grouped by section; an empty field gives no
 * row. Dates are written in `locale` (lib/format/request-locale.ts).
 */
export function detailRows(
  c: ContactModel,
  flags: ContactFlag[],
  locale: string,
): Record<DetailSection, Row[]> {
  const groups: Record<DetailSection, Row[]> = {
    contact: [],
    work: [],
    personal: [],
    labels: [],
    note: [],
  };
  const add = (section: DetailSection, label: string, value: ReactNode, when: unknown = value) => {
    if (when) groups[section].push([label, value]);
  };
  const list = (items: ReactNode[]) => <ul className={styles.plainList}>{items}</ul>;
  add('contact', 'Emails', values(c.emails, 'emails', flags, mailtoHref), c.emails.length);
  add('contact', 'Phones', values(c.phones, 'phones', flags, telHref), c.phones.length);
  add(
    'contact',
    'Addresses',
    list(
      c.addresses.map((a, i) => (
        <li key={i} className="preserve-lines">
          {address(a)}
          {labelText(a)}
        </li>
      )),
    ),
    c.addresses.length,
  );
  add('contact', 'Websites', values(c.urls, 'urls', flags, websiteHref, true), c.urls.length);
  add(
    'contact',
    'Messaging and social',
    values(c.impps, 'impps', flags, (v) => websiteHref(v)),
    c.impps.length,
  );
  add('work', 'Company', c.organization);
  add('work', 'Department', c.department);
  add('work', 'Job title', c.jobTitle);
  const { prefix, given, middle, family, suffix } = c.name;
  add('personal', 'Name', [prefix, given, middle, family, suffix].filter(Boolean).join(' '));
  add('personal', 'Nickname', c.nickname);
  for (const f of ['birthday', 'anniversary'] as const) {
    add(
      'personal',
      capitalise(f),
      <>
        {showDate(c[f], locale)} <FlagNote flags={flags} field={f} />
      </>,
      c[f],
    );
  }
  add(
    'personal',
    'Other dates',
    list(
      c.dates.map((d, i) => (
        <li key={i}>
          {d.label ? `${d.label}: ` : ''}
          {showDate(d.value, locale)} <FlagNote flags={flags} field="dates" index={i} />
        </li>
      )),
    ),
    c.dates.length,
  );
  add(
    'personal',
    'Related people',
    list(
      c.related.map((r, i) => (
        <li key={i}>
          {r.value}
          {r.label ? <span className="muted"> ({r.label})</span> : null}
        </li>
      )),
    ),
    c.related.length,
  );
  add(
    'labels',
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
  add('labels', 'Favourite', 'Yes', c.favourite);
  add('note', 'Note', c.note);
  return groups;
}

/** Rows as a definition list (a note keeps its lines). */
export function DetailList({ rows }: { rows: Row[] }) {
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

/**
 * Every filled field of a contact in one list: the edit form's conflict view, which runs in the
 * browser and so stays small (the contact page's sections are contact-sections.tsx).
 */
export function ContactDetails({
  model,
  flags,
  locale,
}: {
  model: ContactModel;
  flags: ContactFlag[];
  locale: string;
}) {
  return <DetailList rows={Object.values(detailRows(model, flags, locale)).flat()} />;
}
