import type { ReactNode } from 'react';
import { displayName, type ContactFlag, type ContactModel } from '@/lib/contacts/model';
import { DetailList, detailRows, type DetailSection, type Row } from './contact-details';
import './contact-page.css';

const TITLES: [DetailSection, string][] = [
  ['contact', 'Contact'],
  ['personal', 'Personal'],
  ['labels', 'Labels'],
  ['note', 'Note'],
];

/** A titled card of rows; nothing at all when none of its rows is filled in. */
function Section({
  id,
  title,
  icon,
  rows,
}: {
  id: string;
  title: string;
  icon: ReactNode;
  rows: Row[];
}) {
  if (rows.length === 0) return null;
  // A lone row named as its section (Labels, Note) needs no label of its own.
  const single = rows.length === 1 && rows[0]![0] === title;
  return (
    <section className="details-card" aria-labelledby={id}>
      <h2 id={id}>
        {icon}
        {title}
      </h2>
      {single ? (
        <div className={title === 'Note' ? 'details-single preserve-lines' : 'details-single'}>
          {rows[0]![1]}
        </div>
      ) : (
        <DetailList rows={rows} />
      )}
    </section>
  );
}

/**
 * The contact page's body: a card per section (contact, personal, labels, note), only for what
 * is filled in. The name, organisation and work are in the page's heading, and the star beside
 * it says whether the contact is a favourite, so those rows are left out here.
 */
export function ContactSections({
  model,
  flags,
  locale,
  icons,
}: {
  model: ContactModel;
  flags: ContactFlag[];
  locale: string;
  /** An icon per section heading (components/icon.tsx). */
  icons: Record<Exclude<DetailSection, 'work'>, ReactNode>;
}) {
  const groups = detailRows(model, flags, locale);
  const shown = displayName(model);
  // The name's parts are worth a row only when they say more than the heading.
  groups.personal = groups.personal.filter(([label, value]) => label !== 'Name' || value !== shown);
  groups.labels = groups.labels.filter(([label]) => label !== 'Favourite');
  return (
    <div className="details-sections">
      {TITLES.map(([key, title]) => (
        <Section
          key={key}
          id={`details-${key}`}
          title={title}
          icon={icons[key as keyof typeof icons]}
          rows={groups[key]}
        />
      ))}
    </div>
  );
}
