import { emptyContact, type ContactModel, type LabelledValue } from '../../contacts/model';

/** A contact as the schema before complete cards held it: eight fields. */
export interface LegacyFields {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD, or null. */
  birthday: string | null;
  /** month * 100 + day; set without `birthday` for a birthday whose year is unknown. */
  birthdayMonthDay: number | null;
  email: string;
  website: string;
  workPhone: string;
  homePhone: string;
  mobilePhone: string;
  notes: string;
}

const labelled = (value: string, label: string): LabelledValue[] =>
  value.trim() ? [{ value, label, pref: false }] : [];

/** The birthday as the model writes it: YYYY-MM-DD, or --MM-DD when the year is unknown. */
function birthdayOf(birthday: string | null, monthDay: number | null): string {
  if (birthday) return birthday;
  if (monthDay == null) return '';
  const md = String(monthDay).padStart(4, '0');
  return `--${md.slice(0, 2)}-${md.slice(2)}`;
}

/** The model of an eight-field contact: every value kept, each phone with its old label. */
export function modelFromLegacy(fields: LegacyFields, uid = ''): ContactModel {
  return {
    ...emptyContact(uid),
    formattedName: [fields.firstName, fields.lastName].filter((p) => p.trim()).join(' '),
    name: { prefix: '', given: fields.firstName, middle: '', family: fields.lastName, suffix: '' },
    emails: labelled(fields.email, ''),
    urls: labelled(fields.website, ''),
    phones: [
      ...labelled(fields.workPhone, 'work'),
      ...labelled(fields.homePhone, 'home'),
      ...labelled(fields.mobilePhone, 'mobile'),
    ],
    birthday: birthdayOf(fields.birthday, fields.birthdayMonthDay),
    note: fields.notes,
  };
}
