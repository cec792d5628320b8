'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction, formAction } from '@/lib/auth/action';
import { CONTACT_FIELDS, type ContactValues } from '@/lib/contacts/fields';
import { createContact, getContact, trashContact, updateContact } from '@/lib/contacts/store';
import {
  legacyContact,
  writeFromLegacy,
  writeOverStored,
} from '@/lib/contacts/store/legacy-bridge';
import { contactSchema, isContactId } from '@/lib/contacts/validation';
import { contactFormValues } from '@/lib/contacts/form-values';
import { flash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';
import { undoDelete } from './trash/undo';

/** The contact form's state: FormState, plus the saved values when an edit met a newer version. */
export interface ContactFormState extends FormState {
  values: ContactValues & Record<string, string>;
  current?: ContactValues;
}

const FORM_FIELDS = [...CONTACT_FIELDS, 'birthdayNoYear', 'version'] as const;
const contactForm = { session: 'user', schema: contactSchema, echo: FORM_FIELDS } as const;

export const createContactAction = formAction<typeof contactSchema, 'user', ContactFormState>(
  {
    ...contactForm,
  },
  async ({ data, session: { user } }) => {
    // The owner is always the signed-in user, never anything the form says.
    const contact = await createContact(user.id, writeFromLegacy(data));
    getLogger().info({ event: 'contact_created', userId: user.id, contactId: contact.id });
    await flash('success', 'Contact saved.');
    redirect(`/contacts/${contact.id}`);
  },
);

const CONFLICT_MESSAGE =
  'This contact was changed since you opened it. Nothing was saved. Its current values are shown below; your changes are still in the form. Save again to replace the current values with yours.';

/** The contact being edited and the version the form was opened at; a 404 when either is bad. */
function editTarget(formData: FormData): { id: string; version: number } {
  const id = formData.get('id');
  if (!isContactId(id)) notFound();
  const version = Number(formData.get('version'));
  if (!Number.isSafeInteger(version) || version < 1) notFound();
  return { id, version };
}

export const updateContactAction = formAction<typeof contactSchema, 'user', ContactFormState>(
  {
    ...contactForm,
    refused: ({ errors, values, formData }) => {
      editTarget(formData);
      return { errors, values };
    },
  },
  async ({ data, values, formData, session: { user } }) => {
    const { id, version } = editTarget(formData);
    // The form edits eight fields; whatever else the card holds is kept.
    const stored = await getContact(user.id, id);
    if (!stored) notFound();
    const result = await updateContact(user.id, id, version, writeOverStored(stored, data));
    if (result.status === 'not-found') notFound();
    if (result.status === 'conflict') {
      // The form now carries the current version: saving again is a deliberate choice.
      return {
        errors: {},
        values: { ...values, version: String(result.current.version) },
        message: CONFLICT_MESSAGE,
        current: contactFormValues(legacyContact(result.current)),
      };
    }
    getLogger().info({ event: 'contact_updated', userId: user.id, contactId: id });
    await flash('success', 'Contact saved.');
    redirect(`/contacts/${id}`);
  },
);

// A malformed id, another user's contact and one already in Trash all get the same 404.
/** Delete moves the contact to Trash (30 days); the message carries an Undo button. */
export const deleteContactAction = buttonAction(
  { session: 'user', schema: z.object({ id: z.string().refine(isContactId) }) },
  async ({ data: { id }, session: { user } }) => {
    if (!(await trashContact(user.id, id))) notFound();
    getLogger().info({ event: 'contact_trashed', userId: user.id, contactId: id });
    await flash('success', 'Contact deleted.', undoDelete(id));
    redirect('/contacts');
  },
);
