import fc from 'fast-check';
import { emptyAddress, type ContactModel, type LabelledValue } from '@/lib/contacts/model';

/**
 * Inputs people and bots actually send: any Unicode, the characters that change length or
 * meaning under normalization, invisible and direction marks, control characters, and sizes from
 * empty to far past every limit.
 */
const TRICKY = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u007f',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\ufeff',
  'ｶﾞ',
  'ﾊﾟ',
  'ﬀ',
  'ﬃ',
  'İ',
  'ß',
  'ẞ',
  'Σ',
  'ς',
  'ﾟ',
  '\u0301',
  '\u0308',
  'e\u0301',
  'ǅ',
  'Ⅻ',
  '㎏',
  'а',
  'е',
  'о',
  'р',
  'с',
  'α',
  'ο',
  'ρ',
  '山',
  'た',
  'ア',
  '한',
  'ع',
  'ש',
  '😀',
  '👩‍👩‍👧',
  '\ud800',
  '\udfff',
  '%',
  '%2F',
  '%252F',
  '%00',
  '/',
  '//',
  '\\',
  '..',
  '<',
  '>',
  '"',
  "'",
  '&',
  ';',
  ',',
  '=',
  '\u00a0',
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:3.0',
  'FN:',
  'N:',
  ';;;',
  '"",""',
  '\r',
  'quoted-printable',
  '=0D=0A',
];

const trickyChar = fc.constantFrom(...TRICKY);

/** A string mixing printable ASCII, any code point and the tricky pieces above. */
export function nastyString(maxLength = 80): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 4 }),
        fc.string({ unit: 'grapheme', maxLength: 3 }),
        fc.string({ unit: 'binary', maxLength: 3 }),
        trickyChar,
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
}

/** Mostly nasty strings, sometimes a huge one (up to `huge` characters). */
export function anyInput(huge = 200_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: nastyString() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(nastyString(4), fc.integer({ min: Math.min(1000, huge), max: huge }))
        .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n)),
    },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

/** Records of field → value, for form schemas whose field names are known or guessed. */
export function anyRecord(fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(
    fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })),
    fc.oneof({ weight: 6, arbitrary: anyInput(20_000) }, { weight: 1, arbitrary: fc.anything() }),
    { maxKeys: fields.length + 3 },
  );
}

/** Text shaped like vCards: real property names, random values, any line ending, folds. */
export function vcardish(): fc.Arbitrary<string> {
  const line = fc.oneof(
    fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:3.0', 'VERSION:4.0', 'VERSION:2.1'),
    fc
      .tuple(
        fc.constantFrom(
          'FN',
          'N',
          'EMAIL',
          'TEL;TYPE=CELL',
          'TEL;TYPE=WORK',
          'BDAY',
          'URL',
          'NOTE',
          'X-Y',
          'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE',
        ),
        nastyString(30),
      )
      .map(([k, v]) => `${k}:${v}`),
    nastyString(20).map((s) => ` ${s}`), // folded continuation
  );
  return fc
    .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\r\n', '\n', '\r'))
    .map(([lines, eol]) => lines.join(eol));
}

/** Text shaped like a CSV export: plausible header rows, quoted and broken cells. */
export function csvish(): fc.Arbitrary<string> {
  const cell = fc.oneof(
    nastyString(12),
    nastyString(8).map((s) => `"${s.replace(/"/g, '""')}"`),
    nastyString(8).map((s) => `"${s}`),
  );
  const header = fc.constantFrom(
    'First name,Last name,Email,Mobile phone,Birthday,Notes',
    'first_name;last_name',
    'Name,E-mail Address',
    'Given Name,Family Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Birthday,Labels',
    'First Name,Last Name,Company,E-mail Address,Mobile Phone,Business Phone,Home Street,Birthday,Categories',
    '',
  );
  return fc
    .tuple(
      header,
      fc.array(
        fc.array(cell, { maxLength: 8 }).map((r) => r.join(',')),
        { maxLength: 30 },
      ),
    )
    .map(([h, rows]) => [h, ...rows].join('\n'));
}

/** A file of well-formed vCards whose names are printable but otherwise anything. */
export function cleanVcards(): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,30}$/),
    nastyString(6).map((s) => `N${s}`),
  );
  return fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 30 }).map((cards) =>
    cards
      .map(([first, last]) => {
        const esc = (v: string) =>
          v.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');
        return [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `N:${esc(last)};${esc(first)};;;`,
          `FN:${esc(first)} ${esc(last)}`,
          'END:VCARD',
        ].join('\r\n');
      })
      .join('\r\n'),
  );
}

/** Any contact model, every value a nasty (sometimes huge) string: what a reader might hand on. */
export function anyModel(): fc.Arbitrary<ContactModel> {
  const text = anyInput(30_000);
  const rows = <T>(row: fc.Arbitrary<T>) => fc.array(row, { maxLength: 6 });
  const labelled: fc.Arbitrary<LabelledValue> = fc.record({
    value: fc.oneof(text, fc.emailAddress(), fc.stringMatching(/^\+?[0-9 ()./-]{0,30}$/)),
    label: fc.oneof(fc.constantFrom('home', 'work', 'mobile', 'own', ''), nastyString(20)),
    pref: fc.boolean(),
  });
  const date = fc.oneof(
    fc.constantFrom('', '1985-04-12', '--04-12', '2000-02-30', '0000-01-01', '9999-12-31'),
    nastyString(12),
  );
  return fc.record({
    uid: fc.oneof(fc.constant(''), nastyString(40), anyInput(1000)),
    formattedName: text,
    name: fc.record({
      prefix: nastyString(10),
      given: text,
      middle: nastyString(10),
      family: text,
      suffix: nastyString(10),
    }),
    nickname: text,
    organization: text,
    department: nastyString(),
    jobTitle: nastyString(),
    emails: rows(labelled),
    phones: rows(labelled),
    addresses: rows(
      fc.record({ street: text, locality: nastyString(), country: nastyString() }).map((a) => ({
        ...emptyAddress(),
        ...a,
      })),
    ),
    urls: rows(labelled),
    impps: rows(labelled),
    birthday: date,
    anniversary: date,
    dates: rows(fc.record({ value: date, label: nastyString(20) })),
    related: rows(fc.record({ value: text, label: nastyString(20) })),
    labels: rows(text),
    favourite: fc.boolean(),
    note: anyInput(50_000),
  });
}
