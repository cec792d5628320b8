import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireSession } from '@/lib/auth/session';
import { displayName } from '@/lib/contacts/model';
import { getContact } from '@/lib/contacts/store';

/**
 * The signed-in user's contact, or undefined: a malformed id, another user's contact and a
 * deleted one are indistinguishable. Cached per request (metadata and page share it).
 */
const findContact = cache(async (id: string) => {
  const { user } = await requireSession();
  return getContact(user.id, id);
});

/** The contact, or the 404 page (status 404) for an id this user cannot see. */
export async function storedContactOr404(id: string) {
  const contact = await findContact(id);
  if (!contact) notFound();
  return contact;
}

/** A page title; for a contact the user cannot see, the 404 page's. */
export async function contactTitle(id: string, format: (name: string) => string) {
  const contact = await findContact(id);
  if (contact) return { title: format(displayName(contact.model) || 'No name') };
  return { title: 'Page not found · Contact Cards', robots: { index: false } };
}
