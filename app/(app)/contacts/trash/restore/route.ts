import { requireSession } from '@/lib/auth/session';
import { isContactId, restoreContact } from '@/lib/contacts/store';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

/**
 * The Undo button of "Contact deleted." (a plain form in the flash message, which lives in
 * components/ and so cannot name a server action). The store restores only this user's contact
 * from Trash; anything else gets a message, never another user's contact.
 */
export async function POST(request: Request) {
  const { user } = await requireSession();
  const form = await request.formData().catch(() => null);
  const id = form?.get('id');
  if (isContactId(id) && (await restoreContact(user.id, id))) {
    getLogger().info({ event: 'contact_restored', userId: user.id, contactId: id });
    await flash('success', 'Contact restored.');
    return seeOther(`/contacts/${id}`);
  }
  await flash('error', 'That contact is not in the Trash any more.');
  return seeOther('/contacts/trash');
}

/** A 303 to a path of this site (relative: the Host header never makes the address). */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}
