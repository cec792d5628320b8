import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';
import { listLabels } from '@/lib/contacts/store';
import { deleteLabelAction } from '../actions';

export const metadata = { title: 'Delete a label? · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The confirmation step for deleting a label (a page, so it works without JavaScript). */
export default async function DeleteLabelPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const raw = (await searchParams).key;
  const key = Array.isArray(raw) ? raw[0] : raw;
  const label = (await listLabels(user.id)).find((l) => l.key === key);
  if (!label) notFound();
  return (
    <section className="narrow">
      <h1>Delete the label “{label.name}”?</h1>
      <p>
        {label.count === 0
          ? 'No contact has this label.'
          : `The label is taken off ${label.count === 1 ? 'the 1 contact' : `the ${label.count.toLocaleString('en-US')} contacts`} that have it. The contacts themselves stay.`}
      </p>
      <form action={deleteLabelAction} className="actions">
        <input type="hidden" name="key" value={label.key} />
        <button type="submit" className="danger">
          Yes, delete the label
        </button>
        <Link href="/contacts/labels">Cancel</Link>
      </form>
    </section>
  );
}
