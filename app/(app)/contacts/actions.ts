'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction, formAction } from '@/lib/auth/action';
import { readContactForm } from '@/lib/contacts/form-model';
import {
  createContact,
  getContact,
  isContactId,
  trashContact,
  updateContact,
} from '@/lib/contacts/store';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';
import type { ContactFormState } from './editor/editor-state';
import { readEditorRequest } from './editor/save-contact';
import { undoDelete } from './trash/undo';

// The editor reads its many-row form itself (lib/contacts/form-model.ts, then checkContact); the
// pipeline's schema only bounds the button that was pressed.
const contactForm = {
  session: 'user',
  schema: z.object({ intent: z.string().max(40).optional() }),
} as const;

const refusedForm = (formData: FormData, version?: string): ContactFormState => ({
  errors: { form: ['The form could not be read. Check the values and save again.'] },
  values: {},
  draft: readContactForm(formData),
  version,
});

export const createContactAction = formAction<typeof contactForm.schema, 'user', ContactFormState>(
  { ...contactForm, refused: ({ formData }) => refusedForm(formData) },
  async ({ formData, session: { user } }) => {
    const request = await readEditorRequest(formData, { uid: '' });
    if (request.kind !== 'save') return request.state;
    // The owner is always the signed-in user, never anything the form says.
    const contact = await createContact(user.id, {
      model: request.model,
      flags: request.flags,
      photo: request.photo ?? null,
    });
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

export const updateContactAction = formAction<typeof contactForm.schema, 'user', ContactFormState>(
  {
    ...contactForm,
    refused: ({ formData }) => refusedForm(formData, String(editTarget(formData).version)),
  },
  async ({ formData, session: { user } }) => {
    const { id, version } = editTarget(formData);
    const stored = await getContact(user.id, id);
    if (!stored) notFound();
    const request = await readEditorRequest(formData, {
      uid: stored.uid,
      version: String(version),
    });
    if (request.kind !== 'save') return request.state;
    const result = await updateContact(user.id, id, version, {
      model: request.model,
      flags: request.flags,
      rest: stored.rest,
      photo: request.photo,
    });
    if (result.status === 'not-found') notFound();
    if (result.status === 'conflict') {
      // The form now carries the current version: saving again is a deliberate choice.
      return {
        errors: {},
        values: {},
        draft: request.draft,
        version: String(result.current.version),
        message: CONFLICT_MESSAGE,
        current: result.current.model,
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
