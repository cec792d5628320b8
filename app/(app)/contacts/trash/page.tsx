import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { listTrash } from '@/lib/contacts/store';
import { ContactAvatar } from '../contact-avatar';
import '../lists.css';
import { restoreFromTrashAction } from './actions';
import { daysLeft, daysLeftText, TRASH_DAYS } from './days-left';

export const metadata = { title: 'Trash · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageNumber(raw: string | string[] | undefined): number {
  const n = Number((Array.isArray(raw) ? raw[0] : raw) || 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}

const trashHref = (page: number) => (page > 1 ? `/contacts/trash?page=${page}` : '/contacts/trash');

export default async function TrashPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const page = pageNumber((await searchParams).page);
  const result = await listTrash(user.id, { page });
  const now = new Date();
  const empty = result.contacts.length === 0 && page === 1;
  return (
    <section>
      <h1>Trash</h1>
      <p>
        Deleted contacts stay here for {TRASH_DAYS} days, then they are deleted forever.{' '}
        <Link href="/contacts">Back to contacts</Link>
      </p>
      {empty ? (
        <p className="empty-state">The Trash is empty.</p>
      ) : (
        <>
          <p className="actions">
            <Link href="/contacts/trash/empty" className="button danger">
              Empty trash
            </Link>
          </p>
          <ul className="card-list" aria-label="Contacts in the Trash">
            {result.contacts.map((c) => (
              <li key={c.id} className="card-row">
                <ContactAvatar id={c.id} name={c.displayName} photoEtag={c.photoEtag} />
                <div className="card-text">
                  <strong>{c.displayName}</strong>
                  {c.organization ? <span className="muted">{c.organization}</span> : null}
                  <span className="muted">
                    {c.deletedAt ? daysLeftText(daysLeft(c.deletedAt, now)) : null}
                  </span>
                </div>
                <div className="card-buttons">
                  <form action={restoreFromTrashAction}>
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" aria-label={`Restore ${c.displayName}`}>
                      Restore
                    </button>
                  </form>
                  <Link href={`/contacts/trash/${c.id}/delete`} className="button danger">
                    Delete forever<span className="visually-hidden">: {c.displayName}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
          {result.contacts.length === 0 ? (
            <p className="empty-state">
              There is nothing on this page. <Link href="/contacts/trash">First page</Link>
            </p>
          ) : null}
          <nav aria-label="Pages" className="pager">
            {result.hasPrevious ? (
              <Link href={trashHref(page - 1)} rel="prev">
                Previous
              </Link>
            ) : null}
            <span>Page {page.toLocaleString('en-US')}</span>
            {result.hasNext ? (
              <Link href={trashHref(page + 1)} rel="next">
                Next
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}
