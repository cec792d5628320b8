import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { listLabels } from '@/lib/contacts/store';
import { listHref } from '../list-params';
import '../lists.css';
import { createLabelAction, renameLabelAction } from './actions';
import { LABEL_MAX } from './label-limits';

export const metadata = { title: 'Labels · Contact Cards' };

const contactsText = (n: number) =>
  n === 1 ? '1 contact' : `${n.toLocaleString('en-US')} contacts`;

export default async function LabelsPage() {
  const { user } = await requireSession();
  const labels = await listLabels(user.id);
  return (
    <section>
      <h1>Labels</h1>
      <p>
        Labels group contacts (“Family”, “Work”…); a contact can have several. Choose them when you
        edit a contact. <Link href="/contacts">Back to contacts</Link>
      </p>
      <form action={createLabelAction} className="label-rename">
        <div className="field">
          <label htmlFor="new-label">New label</label>
          <input id="new-label" name="name" required maxLength={LABEL_MAX} autoComplete="off" />
        </div>
        <button type="submit">Create label</button>
      </form>
      {labels.length === 0 ? (
        <p className="empty-state">You have no labels yet.</p>
      ) : (
        <ul className="card-list" aria-label="Your labels">
          {labels.map((l, i) => (
            <li key={l.key} className="card-row">
              <div className="card-text">
                <strong>{l.name}</strong>
                <Link href={listHref({ label: l.key })}>
                  {contactsText(l.count)}
                  <span className="visually-hidden"> labelled “{l.name}”</span>
                </Link>
              </div>
              <form action={renameLabelAction} className="label-rename">
                <input type="hidden" name="key" value={l.key} />
                <div className="field">
                  <label htmlFor={`rename-${i}`}>New name for “{l.name}”</label>
                  <input
                    id={`rename-${i}`}
                    name="name"
                    defaultValue={l.name}
                    required
                    maxLength={LABEL_MAX}
                    autoComplete="off"
                  />
                </div>
                <button type="submit" className="secondary" aria-label={`Rename “${l.name}”`}>
                  Rename
                </button>
              </form>
              <Link
                href={`/contacts/labels/delete?key=${encodeURIComponent(l.key)}`}
                className="button danger"
                aria-label={`Delete the label “${l.name}”`}
              >
                Delete
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
