import Link from 'next/link';
import type { ReactNode } from 'react';
import { mailtoHref, telHref, websiteHref } from '@/lib/contacts/format';
import { formatCalendarDate } from '@/lib/format/date';
import {
  displayName,
  type ContactFlag,
  type ContactModel,
  type LabelledValue,
  type PostalAddress,
} from '@/lib/contacts/model';
import { ADDRESS_LABELS, capitalise } from './editor/field-names';
import styles from './editor/editor.module.css';
import './contact-page.css';

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

type Row = [label: string, value: ReactNode];

/** The sections, in the order they are shown. */
export type DetailSection = 'contact' | 'work' | 'personal' | 'labels' | 'note';
const TITLES: [DetailSection, string][] = [
  ['contact', 'Contact'],
  ['work', 'Work'],
  ['personal', 'Personal'],
  ['labels', 'Labels'],
  ['note', 'Note'],
];

/** A titled group of rows; nothing at all when none of its rows is filled in. */
function Section({
  id,
  title,
  icon,
  rows,
  level,
}: {
  id: string;
  title: string;
  icon?: ReactNode;
  rows: Row[];
  level: 2 | 3;
}) {
  if (rows.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="details-card" aria-labelledby={id}>
      <Heading id={id}>
        {icon}
        {title}
      </Heading>
      {/* A lone row named as its section (Labels, Note) needs no label of its own. */}
      {rows.length === 1 && rows[0]![0] === title ? (
        <div className={title === 'Note' ? 'details-single preserve-lines' : 'details-single'}>
          {rows[0]![1]}
        </div>
      ) : (
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label} className="details-row">
              <dt>{label}</dt>
              <dd className={label === 'Note' ? 'preserve-lines' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/**
 * Every filled field of a contact, labelled and grouped in sections (contact, personal, work,
 * labels, note); a field left empty shows nothing, and a section with nothing filled is left out.
 * The contact page shows the name and work in its heading (`withWork` false there); the edit
 * conflict view shows everything. Dates are written in `locale` (lib/format/request-locale.ts).
 */
export function ContactDetails({
  model: c,
  flags,
  locale,
  withWork = true,
  idPrefix = 'details',
  headingLevel = 2,
  icons = {},
}: {
  model: ContactModel;
  flags: ContactFlag[];
  locale: string;
  withWork?: boolean;
  /** Keeps the sections' heading ids apart when two sets are on one page. */
  idPrefix?: string;
  headingLevel?: 2 | 3;
  /**
   * An icon per section heading, drawn by a server page (components/icon.tsx): the edit form's
   * conflict view runs this in the browser and should not carry the icon shapes.
   */
  icons?: Partial<Record<DetailSection, ReactNode>>;
}) {
  const fullName = [c.name.prefix, c.name.given, c.name.middle, c.name.family, c.name.suffix]
    .filter(Boolean)
    .join(' ');
  const rowsOf = (
    build: (add: (label: string, value: ReactNode, when?: unknown) => void) => void,
  ) => {
    const rows: Row[] = [];
    build((label, value, when = value) => {
      if (when) rows.push([label, value]);
    });
    return rows;
  };
  const contact = rowsOf((add) => {
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
  });
  const personal = rowsOf((add) => {
    // The page's heading already shows the name; the parts are worth a row only when they differ.
    add('Name', fullName, fullName && (withWork || fullName !== displayName(c)));
    add('Nickname', c.nickname);
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
  });
  const work = rowsOf((add) => {
    if (!withWork) return;
    add('Company', c.organization);
    add('Department', c.department);
    add('Job title', c.jobTitle);
  });
  const labels = rowsOf((add) => {
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
    if (withWork) add('Favourite', 'Yes', c.favourite);
  });
  const note = rowsOf((add) => add('Note', c.note));
  const rows: Record<DetailSection, Row[]> = { contact, work, personal, labels, note };
  return (
    <div className="details-sections">
      {TITLES.map(([key, title]) => (
        <Section
          key={key}
          id={`${idPrefix}-${key}`}
          title={title}
          icon={icons[key]}
          rows={rows[key]}
          level={headingLevel}
        />
      ))}
    </div>
  );
}
