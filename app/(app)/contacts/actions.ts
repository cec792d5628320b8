'use server';

import { notFound, redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';
import { CONTACT_FIELDS, type ContactValues } from '@/lib/contacts/fields';
import { createContact, deleteContact, updateContact } from '@/lib/contacts/queries';
import { contactSchema, isContactId } from '@/lib/contacts/validation';
import { contactFormValues } from '@/lib/contacts/form-values';
import { flash } from '@/lib/flash';
import { fieldErrors, typedValues, type FormState } from '@/lib/forms';
import { getLogger } from '@/lib/log';

/** The contact form's state: FormState, plus the saved values when an edit met a newer version. */
export interface ContactFormState extends FormState {
  values: ContactValues & Record<string, string>;
  current?: ContactValues;
}

const FORM_FIELDS = [...CONTACT_FIELDS, 'birthdayNoYear', 'version'] as const;

export async function createContactAction(
  _prev: ContactFormState,
  formData: FormData,
): Promise<ContactFormState> {
  const { user } = await requireSession();
  const values = typedValues(formData, FORM_FIELDS);
  const parsed = contactSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // The owner is always the signed-in user, never anything the form says.
  const contact = await createContact(user.id, parsed.data);
  getLogger().info({ event: 'contact_created', userId: user.id, contactId: contact.id });
  await flash('success', 'Contact saved.');
  redirect(`/contacts/${contact.id}`);
}

const CONFLICT_MESSAGE =
  'This contact was changed since you opened it. Nothing was saved. Its current values are shown below; your changes are still in the form. Save again to replace the current values with yours.';

export async function updateContactAction(
  _prev: ContactFormState,
  formData: FormData,
): Promise<ContactFormState> {
  const { user } = await requireSession();
  const id = formData.get('id');
  if (!isContactId(id)) notFound();
  const values = typedValues(formData, FORM_FIELDS);
  const version = Number(values.version);
  if (!Number.isSafeInteger(version) || version < 1) notFound();
  const parsed = contactSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updateContact(user.id, id, version, parsed.data);
  if (result.status === 'not-found') notFound();
  if (result.status === 'conflict') {
    // The form now carries the current version: saving again is a deliberate choice.
    return {
      errors: {},
      values: { ...values, version: String(result.current.version) },
      message: CONFLICT_MESSAGE,
      current: contactFormValues(result.current),
    };
  }
  getLogger().info({ event: 'contact_updated', userId: user.id, contactId: id });
  await flash('success', 'Contact saved.');
  redirect(`/contacts/${id}`);
}

export async function deleteContactAction(formData: FormData): Promise<void> {
  const { user } = await requireSession();
  const id = formData.get('id');
  if (!isContactId(id) || !(await deleteContact(user.id, id))) notFound();
  getLogger().info({ event: 'contact_deleted', userId: user.id, contactId: id });
  await flash('success', 'Contact deleted.');
  redirect('/contacts');
}
