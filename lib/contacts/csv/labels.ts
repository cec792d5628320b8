import { STANDARD_LABELS } from '../model';

/** Labels and IM services as Google's CSV writes them and as the app keeps them. */

/** Labels the app knows, in lower case; other labels are a person's own and kept as written. */
export const KNOWN_LABELS: ReadonlySet<string> = new Set([
  ...STANDARD_LABELS,
  'work fax',
  'home fax',
  'spouse',
  'child',
  'mother',
  'father',
  'parent',
  'brother',
  'sister',
  'friend',
  'relative',
  'partner',
  'domestic partner',
  'manager',
  'assistant',
  'referred by',
]);

/** "Home" → "home" for a label the app knows; a person's own label as written. */
export const labelFromFile = (label: string) =>
  KNOWN_LABELS.has(label.toLowerCase()) ? label.toLowerCase() : label;

/** "work fax" → "Work Fax", as Google writes its own labels. */
export const labelForFile = (label: string) =>
  KNOWN_LABELS.has(label) ? label.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : label;

/** Google's IM services and the URI schemes of vCard IMPP. */
export const IM_SERVICES: Record<string, string> = {
  aim: 'aim',
  'google talk': 'gtalk',
  icq: 'icq',
  jabber: 'xmpp',
  msn: 'msnim',
  qq: 'qq',
  skype: 'skype',
  yahoo: 'ymsgr',
};
export const IM_SERVICE_NAMES: Record<string, string> = {
  aim: 'AIM',
  gtalk: 'Google Talk',
  icq: 'ICQ',
  xmpp: 'Jabber',
  msnim: 'MSN',
  qq: 'QQ',
  skype: 'Skype',
  ymsgr: 'Yahoo',
};
