import type { Metadata } from 'next';
import Link from 'next/link';
import { displayName } from '@/lib/contacts/model';
import { deleteContactAction } from '../../actions';
import { contactTitle, storedContactOr404 } from '../load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `Delete ${name}? · Contact Cards`);
}

/** The confirmation step without JavaScript (with it, a dialog on the contact's page asks). */
export default async function DeleteContactPage({ params }: Props) {
  const contact = await storedContactOr404((await params).id);
  const name = displayName(contact.model) || 'No name';
  return (
    <section className="narrow">
      <h1>Delete {name}?</h1>
      <p>
        The contact goes to the Trash, where it stays for 30 days: you can restore it from there.
      </p>
      <form action={deleteContactAction} className="actions">
        <input type="hidden" name="id" value={contact.id} />
        <button type="submit" className="danger">
          Yes, delete
        </button>
        {/* Focused on load, so an Enter typed at once cancels rather than deletes. */}
        <Link href={`/contacts/${contact.id}`} autoFocus>
          Cancel
        </Link>
      </form>
    </section>
  );
}
