import { modelFromLegacy, type LegacyFields } from '../../db/data-migrations/legacy-model';
import { birthdayColumns } from '../derive';
import { type ContactModel, type LabelledValue } from '../model';
import type { ContactListItem, ContactPage, ContactWrite, StoredContact } from './types';

/**
 * A bridge for the pages still written for the eight-field contact (the form, the list, the
 * old import and export) until they are rewritten for the full model. Nothing else uses it.
 */

export interface LegacyContact extends LegacyFields {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const valueOf = (values: LabelledValue[], label?: string) =>
  (label === undefined ? values[0] : values.find((v) => v.label === label))?.value ?? '';

/** The eight fields of a model (the first of each kind). */
function legacyFields(model: ContactModel): LegacyFields {
  return {
    firstName: model.name.given,
    lastName: model.name.family,
    ...birthdayColumns(model.birthday),
    email: valueOf(model.emails),
    website: valueOf(model.urls),
    workPhone: valueOf(model.phones, 'work'),
    homePhone: valueOf(model.phones, 'home'),
    mobilePhone: valueOf(model.phones, 'mobile') || valueOf(model.phones, 'cell'),
    notes: model.note,
  };
}

export const legacyContact = (c: StoredContact): LegacyContact => ({
  ...legacyFields(c.model),
  id: c.id,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** A list row in the eight-field shape: the display name as the first name, one phone. */
export function legacySummary(c: ContactListItem) {
  return {
    id: c.id,
    firstName: c.displayName,
    lastName: '',
    email: c.primaryEmail,
    workPhone: '',
    homePhone: '',
    mobilePhone: c.primaryPhone,
    birthday: c.birthday,
    birthdayMonthDay: c.birthdayMonthDay,
    createdAt: c.createdAt,
  };
}
export type LegacySummary = ReturnType<typeof legacySummary>;

export const legacyPage = (page: ContactPage) => ({
  ...page,
  contacts: page.contacts.map(legacySummary),
});

/** A new contact from the eight-field form. */
export const writeFromLegacy = (fields: LegacyFields): ContactWrite => ({
  model: modelFromLegacy(fields),
  flags: [],
});

function replaceValue(values: LabelledValue[], value: string, label?: string): LabelledValue[] {
  const at =
    label === undefined ? (values.length > 0 ? 0 : -1) : values.findIndex((v) => v.label === label);
  if (at < 0) return value ? [...values, { value, label: label ?? '', pref: false }] : values;
  return value
    ? values.map((v, i) => (i === at ? { ...v, value } : v))
    : values.filter((_, i) => i !== at);
}

/**
 * An edit from the eight-field form applied over the stored card: the eight fields change,
 * everything else the card holds (other emails, addresses, labels…) is kept.
 */
export function writeOverStored(current: StoredContact, fields: LegacyFields): ContactWrite {
  const m = current.model;
  const fresh = modelFromLegacy(fields, m.uid);
  const model: ContactModel = {
    ...m,
    formattedName: fresh.formattedName,
    name: { ...m.name, given: fields.firstName, family: fields.lastName },
    emails: replaceValue(m.emails, fields.email),
    urls: replaceValue(m.urls, fields.website),
    phones: replaceValue(
      replaceValue(replaceValue(m.phones, fields.workPhone, 'work'), fields.homePhone, 'home'),
      fields.mobilePhone,
      'mobile',
    ),
    birthday: fresh.birthday,
    note: fields.notes,
  };
  return { model, rest: current.rest, flags: current.flags };
}
