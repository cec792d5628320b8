import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type ContactModel, type LabelledValue, type PostalAddress } from '../model';
import { KNOWN_LABELS } from './labels';
import { readCsvFile } from './read';
import { writeGoogleCsv } from './write';

/*
 * Fields Google's layout carries, and so this test covers: uid (as Custom Field "UID"),
 * formattedName (File As), every name part, nickname, organization, department, jobTitle,
 * emails/phones/urls/impps with label and preferred mark, addresses (all parts, label, pref),
 * birthday, anniversary (Event "Anniversary"), dates, related, labels, favourite ("* starred"),
 * note. Nothing of the model is left out; a card's other properties (photo, X- properties,
 * extras from an earlier CSV import) are not in the model and not in this export.
 *
 * What the generator leaves out, each for a stated reason:
 * - values starting with = + - @ tab CR: the export prefixes ' (tested in write.test.ts);
 * - whitespace-only values: an empty-looking cell reads as empty (the check would drop them);
 * - " ::: " inside a list value or label: Google's separator for several values in one cell;
 * - dates written like 4/12/1985, 12.4.1985, 0/0/00: the reader converts exporters' date shapes;
 * - labels starting with "*" or "System Group:", or differing only in case from a known label
 *   ("HOME"): Google's system marks, and known labels are read in lower case;
 * - a date labelled "anniversary" beside an empty anniversary: it reads as the anniversary.
 */
const piece = fc.oneof(
  fc.constantFrom(
    ',',
    '"',
    '\n',
    '\r\n',
    ';',
    ':',
    ' ',
    '\t',
    'é',
    'Ł',
    '日本',
    '😀',
    "'",
    '*',
    '=',
  ),
  fc.string({ minLength: 1, maxLength: 4 }),
);
const raw = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const safe = (v: string) => v === '' || (v.trim() !== '' && !/^[=+\-@\t\r]/.test(v));
const text = raw.filter(safe);
const single = text.filter((v) => !v.includes(' ::: '));
const known = KNOWN_LABELS;
const ownLabel = single.filter(
  (v) =>
    v === v.trim() &&
    !v.startsWith('*') &&
    !/^system group:/i.test(v) &&
    !known.has(v.toLowerCase()),
);
const label = fc.oneof(fc.constantFrom(...known, ''), ownLabel);
const value = single.filter((v) => v !== '');
const labelled = (v: fc.Arbitrary<string>) =>
  fc.array(fc.record<LabelledValue>({ value: v, label, pref: fc.boolean() }), { maxLength: 3 });
const date = fc.oneof(
  fc.constantFrom('1985-04-12', '0001-01-01', '--02-29', 'spring 1990', 'unknown'),
  text.filter((v) => !/^\s*(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*$/.test(v)),
);
const address = fc
  .record<PostalAddress>({
    label,
    pref: fc.boolean(),
    poBox: text,
    extended: text,
    street: text,
    locality: text,
    region: text,
    postalCode: text,
    country: text,
  })
  .filter((a) =>
    [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].some(Boolean),
  );
const impp = fc.oneof(
  fc
    .tuple(fc.constantFrom('xmpp', 'skype', 'aim', 'sip', 'x-apple'), value)
    .map(([s, v]) => `${s}:${v}`),
  value,
);

const model: fc.Arbitrary<ContactModel> = fc
  .record({
    uid: text,
    formattedName: text,
    name: fc.record({ prefix: text, given: text, middle: text, family: text, suffix: text }),
    nickname: text,
    organization: text,
    department: text,
    jobTitle: text,
    emails: labelled(value),
    phones: labelled(value),
    addresses: fc.array(address, { maxLength: 2 }),
    urls: labelled(value),
    impps: labelled(impp),
    birthday: date,
    anniversary: date,
    dates: fc.array(
      fc.record({
        value: date.filter(Boolean),
        label: label.filter((l) => l.toLowerCase() !== 'anniversary'),
      }),
      { maxLength: 2 },
    ),
    related: fc.array(fc.record({ value, label }), { maxLength: 2 }),
    labels: fc.array(ownLabel.filter(Boolean), { maxLength: 3 }),
    favourite: fc.boolean(),
    note: text,
  })
  .filter(
    (m) => !(m.anniversary === '' && m.dates.some((d) => d.label.toLowerCase() === 'anniversary')),
  );

it('reads back every field of what it writes in Google CSV', () => {
  fc.assert(
    fc.property(fc.array(model, { minLength: 1, maxLength: 3 }), (models) => {
      const file = readCsvFile(writeGoogleCsv(models.map((m) => ({ model: m }))), 10);
      expect(file.problems).toEqual([]);
      expect(file.records.map((r) => r.model)).toEqual(models);
      expect(file.records.flatMap((r) => r.extras)).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
