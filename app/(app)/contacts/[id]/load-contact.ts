import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireSession } from '@/lib/auth/session';
import { contactName } from '@/lib/contacts/format';
import { getContact } from '@/lib/contacts/store';
import { legacyContact } from '@/lib/contacts/store/legacy-bridge';

/**
 * The signed-in user's contact, or undefined: a malformed id, another user's contact and a
 * deleted one are indistinguishable. Cached per request (metadata and page share it).
 */
const findContact = cache(async (id: string) => {
  const { user } = await requireSession();
  const contact = await getContact(user.id, id);
  return contact && legacyContact(contact);
});

/** The contact, or the 404 page (status 404) for an id this user cannot see. */
export async function contactOr404(id: string) {
  const contact = await findContact(id);
  if (!contact) notFound();
  return contact;
}

/** A page title; for a contact the user cannot see, the 404 page's. */
export async function contactTitle(id: string, format: (name: string) => string) {
  const contact = await findContact(id);
  if (contact) return { title: format(contactName(contact)) };
  return { title: 'Page not found · Contact Cards', robots: { index: false } };
}
