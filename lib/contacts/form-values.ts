import type { Contact } from '../db/schema';
import type { ContactField, ContactValues } from './fields';
import { noYearValue } from './format';

/** A saved contact as the strings its edit form starts from. */
export function contactFormValues(
  c: Pick<Contact, TextField | 'birthday' | 'birthdayMonthDay' | 'version'>,
): ContactValues & Record<string, string> {
  return {
    ...contactTextValues(c),
    birthday: c.birthday ?? '',
    birthdayNoYear: noYearValue(c.birthday, c.birthdayMonthDay) ?? '',
    version: String(c.version),
  };
}

type TextField = Exclude<ContactField, 'birthday'>;

/** A saved contact's fields that are stored as typed; the birthday each caller writes its own way. */
export function contactTextValues(c: Pick<Contact, TextField>): Record<TextField, string> {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    website: c.website,
    workPhone: c.workPhone,
    homePhone: c.homePhone,
    mobilePhone: c.mobilePhone,
    notes: c.notes,
  };
}
