import type { Contact } from '../db/schema';
import type { ContactValues } from './fields';
import { noYearValue } from './format';

/** A saved contact as the strings its edit form starts from. */
export function contactFormValues(c: Contact): ContactValues & Record<string, string> {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    birthday: c.birthday ?? '',
    birthdayNoYear: noYearValue(c.birthday, c.birthdayMonthDay) ?? '',
    email: c.email,
    website: c.website,
    workPhone: c.workPhone,
    homePhone: c.homePhone,
    mobilePhone: c.mobilePhone,
    notes: c.notes,
    version: String(c.version),
  };
}
