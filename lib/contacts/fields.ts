/**
 * The contact form's fields: names, labels and length caps, shared by the form (HTML
 * constraints), the server's validation and the import summary. Safe to import in the browser.
 */
export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'birthday',
  'email',
  'website',
  'workPhone',
  'homePhone',
  'mobilePhone',
  'notes',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const FIELD_LABELS: Record<ContactField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  birthday: 'Birthday',
  email: 'Email',
  website: 'Website',
  workPhone: 'Work phone',
  homePhone: 'Home phone',
  mobilePhone: 'Mobile phone',
  notes: 'Notes',
};

/** Caps in characters, matching the columns of lib/db/schema.ts. */
export const FIELD_MAX: Record<ContactField, number> = {
  firstName: 100,
  lastName: 100,
  birthday: 10,
  email: 254,
  website: 2048,
  // What a person types; the stored, formatted number must also fit the 40-character column.
  workPhone: 40,
  homePhone: 40,
  mobilePhone: 40,
  notes: 5000,
};

export const BIRTHDAY_MIN = '1900-01-01';

/** The cap on an imported file's bytes: the import form checks it before sending, the server again. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Today's date as YYYY-MM-DD (UTC), the latest birthday accepted. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Every value a contact form carries, as strings (what is typed and echoed back). */
export type ContactValues = Partial<Record<ContactField | 'birthdayNoYear' | 'version', string>>;
