import { displayName, type ContactModel } from '../model';
import { writeCard } from '../vcard/write';

/**
 * The card a QR code carries: vCard 3.0 (what phone cameras read), with the contact's own
 * details only. The owner's notes, labels and favourite mark are theirs, not the contact's, and
 * the photo and unknown properties never fit: the full card is the download. When the text is
 * still too long to scan comfortably, the least useful details go first and are named.
 */

/** UTF-8 bytes a code comfortably carries: about a version-25 symbol at medium error correction. */
export const SHARE_MAX_BYTES = 1000;
/** The most a QR code holds at medium error correction (version 40, ISO/IEC 18004 Table 7). */
export const QR_CAPACITY = 2331;

export interface ShareCard {
  /** The vCard for the code; null when even the shortest card is more than a code can hold. */
  text: string | null;
  /** What the contact has that the code leaves out, in words ("notes", "addresses"…). */
  leftOut: string[];
}

type Step = {
  what: string;
  has: (m: ContactModel) => boolean;
  drop: (m: ContactModel) => ContactModel;
};

/** Applied in order until the card fits. */
const STEPS: Step[] = [
  {
    what: 'other dates and related people',
    has: (m) => m.dates.length > 0 || m.related.length > 0 || m.anniversary !== '',
    drop: (m) => ({ ...m, dates: [], related: [], anniversary: '' }),
  },
  {
    what: 'messaging handles',
    has: (m) => m.impps.length > 0,
    drop: (m) => ({ ...m, impps: [] }),
  },
  { what: 'websites', has: (m) => m.urls.length > 0, drop: (m) => ({ ...m, urls: [] }) },
  {
    what: 'addresses',
    has: (m) => m.addresses.length > 0,
    drop: (m) => ({ ...m, addresses: [] }),
  },
  {
    what: 'all but the first three phones and emails',
    has: (m) => m.phones.length > 3 || m.emails.length > 3,
    drop: (m) => ({ ...m, phones: m.phones.slice(0, 3), emails: m.emails.slice(0, 3) }),
  },
  {
    what: 'all but the first phone and email',
    has: (m) => m.phones.length > 1 || m.emails.length > 1,
    drop: (m) => ({ ...m, phones: m.phones.slice(0, 1), emails: m.emails.slice(0, 1) }),
  },
  {
    what: 'the nickname, organisation, job title and birthday',
    has: (m) => Boolean(m.nickname || m.organization || m.department || m.jobTitle || m.birthday),
    drop: (m) => ({
      ...m,
      nickname: '',
      organization: '',
      department: '',
      jobTitle: '',
      birthday: '',
    }),
  },
];

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const cardOf = (m: ContactModel) => writeCard(m, null, null, '3.0');

export function shareCard(model: ContactModel, hasPhoto: boolean): ShareCard {
  const leftOut: string[] = [];
  if (hasPhoto) leftOut.push('the photo');
  if (model.note) leftOut.push('your notes');
  if (model.labels.length) leftOut.push('your labels');
  let m: ContactModel = {
    ...model,
    uid: '',
    formattedName: displayName(model),
    note: '',
    labels: [],
    favourite: false,
  };
  let text = cardOf(m);
  for (const step of STEPS) {
    if (bytes(text) <= SHARE_MAX_BYTES) break;
    if (!step.has(m)) continue;
    m = step.drop(m);
    leftOut.push(step.what);
    text = cardOf(m);
  }
  // Values imported from files may be ten times the editor's caps: such a card has no code.
  return { text: bytes(text) <= QR_CAPACITY ? text : null, leftOut };
}
