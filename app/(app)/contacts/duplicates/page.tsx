import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { shownName } from '@/lib/contacts/duplicates/keys';
import { listDuplicateGroups, MAX_COMPARED } from '@/lib/contacts/duplicates/list';
import type { MatchReason } from '@/lib/contacts/duplicates/find';
import { ContactSummary } from './contact-summary';
import { MAX_MERGED, mergeHref } from './merge/merge-params';
import './duplicates.css';

export const metadata = { title: 'Merge duplicates · Contact Cards' };

const REASON_TEXT: Record<MatchReason['kind'], string> = {
  email: 'Same email',
  phone: 'Same phone',
  name: 'Similar names',
};

const count = (n: number) => n.toLocaleString('en-US');

export default async function DuplicatesPage() {
  const { user } = await requireSession();
  const report = await listDuplicateGroups(user.id);
  return (
    <section>
      <h1>Merge duplicates</h1>
      <p>
        Contacts that may be the same person: the same email, the same phone number or a very
        similar name. Nothing is merged until you review a group and choose Merge.{' '}
        <Link href="/contacts">Back to contacts</Link>
      </p>
      {report.truncated ? (
        <p className="muted">
          Only your first {count(MAX_COMPARED)} contacts (the oldest) were compared.
        </p>
      ) : null}
      {report.groups.length === 0 ? (
        <p className="empty-state">
          No likely duplicates among your {count(report.compared)} contacts.
        </p>
      ) : (
        <p>
          {report.groups.length === 1 ? '1 group' : `${count(report.groups.length)} groups`} found.
        </p>
      )}
      {report.groups.map((group, g) => {
        const names = group.contacts.map((c) => shownName(c.model));
        const headingId = `group-${g}`;
        return (
          <section
            key={group.contacts[0]!.id}
            className="duplicate-group"
            aria-labelledby={headingId}
          >
            <h2 id={headingId}>{names.join(' and ')}</h2>
            <p>
              {group.reasons.map((r, i) => (
                <span key={i}>
                  {i > 0 ? '; ' : ''}
                  {REASON_TEXT[r.kind]}: {r.detail}
                </span>
              ))}
            </p>
            <ul className="duplicate-cards">
              {group.contacts.map((c, i) => (
                <li key={c.id}>
                  <h3>
                    <Link href={`/contacts/${c.id}`}>{names[i]}</Link>
                  </h3>
                  <ContactSummary model={c.model} createdAt={c.createdAt} />
                </li>
              ))}
            </ul>
            {/* A larger group is merged in parts: the first ten, then what is left. */}
            <Link
              className="button"
              href={mergeHref(group.contacts.slice(0, MAX_MERGED).map((c) => c.id))}
            >
              Review and merge<span className="visually-hidden">: {names.join(' and ')}</span>
            </Link>
          </section>
        );
      })}
    </section>
  );
}
