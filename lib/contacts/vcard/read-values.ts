import { base64Bytes, decodeValue, unescapeText, type DecodeContext } from './decode';
import { paramValue, typesOf } from './header';
import type { ContentLine } from './tokenize';
import type { CardPhoto } from './types';

/** Instant-messaging properties older Apple, Evolution and Kontact write, with their URI scheme. */
export const IM_SCHEMES: Record<string, string> = {
  'X-AIM': 'aim',
  'X-JABBER': 'xmpp',
  'X-SKYPE': 'skype',
  'X-SKYPE-USERNAME': 'skype',
  'X-ICQ': 'icq',
  'X-MSN': 'msnim',
  'X-YAHOO': 'ymsgr',
  'X-GOOGLE-TALK': 'gtalk',
  'X-GTALK': 'gtalk',
};

/** Related-person properties other than RELATED / X-ABRELATEDNAMES, with the label they mean. */
export const RELATED_PROPS: Record<string, string> = {
  'X-SPOUSE': 'spouse',
  'X-EVOLUTION-SPOUSE': 'spouse',
  'X-MS-SPOUSE': 'spouse',
  'X-KADDRESSBOOK-X-SPOUSESNAME': 'spouse',
  'X-ASSISTANT': 'assistant',
  'X-EVOLUTION-ASSISTANT': 'assistant',
  'X-MS-ASSISTANT': 'assistant',
  'X-KADDRESSBOOK-X-ASSISTANTSNAME': 'assistant',
  'X-MANAGER': 'manager',
  'X-EVOLUTION-MANAGER': 'manager',
  'X-MS-MANAGER': 'manager',
  'X-KADDRESSBOOK-X-MANAGERSNAME': 'manager',
};

export const ANNIVERSARY_PROPS = new Set([
  'ANNIVERSARY',
  'X-ANNIVERSARY',
  'X-MS-ANNIVERSARY',
  'X-EVOLUTION-ANNIVERSARY',
]);

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
};

function sniff(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xd8) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  if (b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  return 'application/octet-stream';
}

function percentDecoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A PHOTO in any spelling: 2.1 `ENCODING=BASE64;JPEG`, 3.0 `ENCODING=b;TYPE=JPEG`, 4.0 `data:`
 * URI, or a link. Whitespace inside base64 is removed; size is bounded by the card cap.
 */
export function readPhoto(cl: ContentLine, b64: boolean, ctx: DecodeContext): CardPhoto | null {
  if (b64) {
    const bytes = base64Bytes(cl.value);
    if (!bytes.length) return null;
    const type = typesOf(cl)[0]?.toLowerCase() ?? '';
    const mime = type.includes('/') ? type : (MIME[type] ?? sniff(bytes));
    return { kind: 'data', mime, bytes };
  }
  const uri = unescapeText(decodeValue(cl, ctx)).trim();
  if (!uri) return null;
  const data = /^data:([^;,]*)((?:;[^;,]*)*),/i.exec(uri);
  if (!data) return { kind: 'uri', uri };
  const payload = uri.slice(data[0].length);
  const isB64 = /;base64/i.test(data[2] ?? '');
  const bytes = isB64 ? base64Bytes(payload) : new TextEncoder().encode(percentDecoded(payload));
  const declared = (data[1] ?? '').toLowerCase();
  return { kind: 'data', mime: declared || sniff(bytes), bytes };
}

/** The text of a phone: 4.0 `VALUE=uri` `tel:` URIs as the number. */
export function phoneText(cl: ContentLine, text: string): string {
  const isUri = paramValue(cl, 'VALUE')?.toLowerCase() === 'uri';
  return isUri && /^tel:/i.test(text) ? text.slice(4) : text;
}

/** An IM handle: X-AIM's bare name as `aim:name`; IMPP and URIs as given. */
export function imppText(name: string, text: string): string {
  const scheme = IM_SCHEMES[name];
  if (!scheme || /^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return `${scheme}:${text}`;
}

/** The rank a property asks for among its kind: TYPE=pref is 1, PREF=n is n, none is Infinity. */
export function prefRank(cl: ContentLine): number {
  const pref = Number(paramValue(cl, 'PREF'));
  if (Number.isInteger(pref) && pref >= 1) return pref;
  return typesOf(cl).some((t) => t.toLowerCase() === 'pref') ? 1 : Infinity;
}
