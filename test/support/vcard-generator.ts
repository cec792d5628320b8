import sharp from 'sharp';

/**
 * Test data for the CardDAV client tests and the benchmark: N vCard 3.0 cards of the benchmark's
 * shape (two emails, two phones, an address, an organisation, a birthday, a note), the same bytes
 * for the same seed, plus one card with a photo and properties the app does not know, which a
 * server must hand back byte for byte. Lines end in CRLF and are folded at 75 octets (RFC 2426).
 */

export interface GeneratedCard {
  uid: string;
  /** The whole card, CRLF line ends, folded. */
  text: string;
}

/** mulberry32: small, fast and the same on every machine; the cards need no better randomness. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Eleanor',
  'Farid',
  'Greta',
  'Hiroshi',
  'Inès',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Søren',
  'Tomás',
];
const LAST = [
  'Abbott',
  'Bergström',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Laurent',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
];
const STREETS = [
  'Mill Lane',
  'Rue des Lilas',
  'Hauptstraße',
  'Station Road',
  'Calle Mayor',
  'Elm Street',
];
const CITIES = [
  ['Leeds', 'United Kingdom'],
  ['Lyon', 'France'],
  ['Köln', 'Germany'],
  ['Sevilla', 'Spain'],
  ['Portland', 'USA'],
  ['Ghent', 'Belgium'],
] as const;
const ORGS = [
  'Northwind Traders',
  'Acme Cartography',
  'Blue Fern Studio',
  'Helix Analytics',
  'Öresund Logistics',
  'Tidewater Clinic',
];
const WORDS = [
  'met',
  'at',
  'the',
  'conference',
  'prefers',
  'email',
  'tea',
  'not',
  'coffee',
  'birthday',
  'gift',
  'ideas',
  'books',
  'cycling',
  'call',
  'after',
  'six',
  'kids',
  'Ana',
  'Leo',
];

/** Escapes a vCard 3.0 text value (RFC 2426 §4). */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** Folds one content line at 75 octets without splitting a UTF-8 character. */
function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    // Continuation lines start with one space, which counts towards their 75 octets.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function card(lines: string[]): string {
  return ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].map(foldLine).join('\r\n') + '\r\n';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A UUID-shaped UID from the generator, so the same seed gives the same UIDs. */
function uidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `count` cards of the benchmark's shape, deterministic for a seed. */
export function generateCards(count: number, seed = 13): GeneratedCard[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const cards: GeneratedCard[] = [];
  for (let i = 0; i < count; i++) {
    const uid = uidFrom(random);
    const first = pick(FIRST);
    const last = pick(LAST);
    const login = `${first}.${last}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    const [city, country] = pick(CITIES);
    const org = pick(ORGS);
    const note = Array.from({ length: 6 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ');
    const birthday = `${1940 + Math.floor(random() * 65)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const text = card([
      `UID:${uid}`,
      `N:${escapeText(last)};${escapeText(first)};;;`,
      `FN:${escapeText(`${first} ${last}`)}`,
      `EMAIL;TYPE=INTERNET,HOME:${login}${i}@example.org`,
      `EMAIL;TYPE=INTERNET,WORK:${login}@${org.toLowerCase().replace(/[^a-z]/g, '')}.example`,
      `TEL;TYPE=CELL:+44 7${digits(3)} ${digits(6)}`,
      `TEL;TYPE=WORK,VOICE:+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      `ADR;TYPE=HOME:;;${1 + Math.floor(random() * 200)} ${escapeText(pick(STREETS))};${escapeText(city)};;${digits(5)};${escapeText(country)}`,
      `ORG:${escapeText(org)};Team ${1 + (i % 9)}`,
      `BDAY:${birthday}`,
      `NOTE:${escapeText(`Card ${i + 1}: ${note}, still; true`)}`,
    ]);
    cards.push({ uid, text });
  }
  return cards;
}

/** A small real JPEG (a 48×48 gradient), made here so no binary fixture is committed. */
async function smallJpeg(): Promise<Buffer> {
  const size = 48;
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 3;
      pixels[o] = x * 5;
      pixels[o + 1] = y * 5;
      pixels[o + 2] = 128;
    }
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
    .jpeg({ quality: 70 })
    .toBuffer();
}

const PHOTO_CARD_UID = 'c0ffee00-1313-4abc-8def-000000000013';

/**
 * The card that must come back byte for byte: a PHOTO, X- properties with parameters, an Apple
 * grouped label, a property the app has no field for, and a line long enough to be folded often.
 */
export async function photoCard(): Promise<GeneratedCard> {
  const photo = (await smallJpeg()).toString('base64');
  const text = card([
    `UID:${PHOTO_CARD_UID}`,
    'N:Lovelace;Augusta Ada;;Countess;',
    'FN:Augusta Ada Lovelace',
    'NICKNAME:Ada',
    'EMAIL;TYPE=INTERNET,PREF:ada@analytical.example',
    'item1.EMAIL;TYPE=INTERNET:ada.notes@analytical.example',
    'item1.X-ABLabel:_$!<Other>!$_',
    'item2.X-ABRELATEDNAMES;TYPE=pref:Charles Babbage',
    'item2.X-ABLabel:Colleague',
    'X-CONTACTCARDS-TEST;X-ORIGIN="bench tool";TYPE=alpha,beta:kept as sent',
    'X-SOCIALPROFILE;TYPE=mastodon;X-USER=ada:https://social.example/@ada',
    'X-PHONETIC-LAST-NAME:LUV-luh-lays',
    'GEO:51.5072;-0.1276',
    `X-LONG-NOTE:${escapeText('A line well past seventy-five octets, folded on the way out; '.repeat(5).trim())}`,
    'CATEGORIES:mathematics,history',
    `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`,
    'BDAY:1815-12-10',
  ]);
  return { uid: PHOTO_CARD_UID, text };
}

/** Undoes folding: the card's logical lines. */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

/** The same card with its NOTE replaced (or added), folded again: an edit a device makes. */
export function withNote(text: string, note: string): string {
  const lines = unfold(text).filter((l) => !/^NOTE[;:]/i.test(l));
  lines.splice(lines.length - 1, 0, `NOTE:${escapeText(note)}`);
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
