import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireSession } from '@/lib/auth/session';
import { getContact, isContactId } from '@/lib/contacts/store';
import { displayName } from '@/lib/contacts/model';
import { deleteForeverAction } from '../../actions';

type Props = { params: Promise<{ id: string }> };

/** This user's contact, only while it is in Trash (cached: metadata and page share it). */
const trashed = cache(async (id: string) => {
  const { user } = await requireSession();
  if (!isContactId(id)) return undefined;
  const contact = await getContact(user.id, id, { includeTrashed: true });
  return contact?.deletedAt ? contact : undefined;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const contact = await trashed((await params).id);
  if (!contact) return { title: 'Page not found · Contact Cards', robots: { index: false } };
  return { title: `Delete ${displayName(contact.model) || '(no name)'} forever? · Contact Cards` };
}

/** The confirmation step for deleting one contact in Trash for good. */
export default async function DeleteForeverPage({ params }: Props) {
  const contact = await trashed((await params).id);
  if (!contact) notFound();
  const name = displayName(contact.model) || '(no name)';
  return (
    <section className="narrow">
      <h1>Delete {name} forever?</h1>
      <p>The contact and everything saved with it are deleted. This cannot be undone.</p>
      <form action={deleteForeverAction} className="actions">
        <input type="hidden" name="id" value={contact.id} />
        <button type="submit" className="danger">
          Yes, delete forever
        </button>
        <Link href="/contacts/trash">Cancel</Link>
      </form>
    </section>
  );
}
