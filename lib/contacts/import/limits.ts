/** The caps on one import, shown on the page and checked on the server. Safe in the browser. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_CONTACTS = 20_000;
/** Lines of the summary listed on the page; the rest are counted. */
export const IMPORT_LISTED_NOTES = 100;

export const IMPORT_MESSAGES = {
  choose: 'Choose a vCard (.vcf) or CSV file to import.',
  empty: 'The file is empty. Choose a vCard (.vcf) or CSV file that holds contacts.',
  /** `what`: "a PNG image", "a PDF document"… as foreignFileKind names it. */
  notContacts: (what: string) =>
    `This file is ${what}, not a contacts file. Choose a vCard (.vcf) or CSV file, as Google Contacts, Outlook or Apple Contacts export them.`,
  tooLarge: 'The file is larger than 5 MB. Split it into smaller files and import each.',
  tooMany: 'The file holds more than 20,000 contacts. Split it into smaller files and import each.',
  nothingVCard:
    'No contacts could be read from this vCard file. Check that it is a contacts file (.vcf).',
  nothingCsv:
    'No contacts could be read from this CSV file. It needs a header row naming the columns, as Google Contacts, Outlook and Thunderbird write it.',
} as const;
