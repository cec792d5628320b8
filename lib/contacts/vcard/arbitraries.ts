import fc from 'fast-check';
import { STANDARD_LABELS, type ContactModel, type LabelledValue } from '../model';

/** fast-check generators for models with every field (tests only). */

const CHARS = [
  ...'abcXYZ019 .-@/',
  ',',
  ';',
  '\\',
  ':',
  '"',
  '\n',
  '\t',
  ...'ŁóżØæß',
  ...'日本語',
  ...'Ελλη',
  ...'Дми',
  '😀',
  '\u00a0',
];

/** Any text, including `, ; \ :`, newlines, non-Latin letters and astral characters. */
export const anyText = (maxLength = 20) =>
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength });

/** Text with something besides white space, without white space at either end. */
const trimmedText = (maxLength = 20) =>
  anyText(maxLength)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const label = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...STANDARD_LABELS),
  trimmedText(12),
  fc.constantFrom('homepage', 'spouse', 'child', 'Parzelle', 'summer house'),
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Full dates with years 1 to this year (not Apple's 1604, which means "no year"). */
const fullDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true })
  .filter((d) => d.getUTCFullYear() !== 1604)
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

const yearlessDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2000-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => `--${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

const dateValue = fc.oneof(fullDate, yearlessDate, trimmedText(15));

/** Only the first `pref: true` of a kind stays (the model allows one). */
function onePref<T extends { pref: boolean }>(items: T[]): T[] {
  let seen = false;
  return items.map((it) => {
    const pref = it.pref && !seen;
    seen ||= it.pref;
    return { ...it, pref };
  });
}

const labelled = (value: fc.Arbitrary<string>) =>
  fc
    .array(fc.record({ value, label, pref: fc.boolean() }), { maxLength: 4 })
    .map((xs) => onePref<LabelledValue>(xs));

const phone = fc.oneof(fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,14}[0-9]$/), trimmedText());

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constant('https://example.com/a,b;c\\d'),
  trimmedText(),
);

const address = fc
  .record({
    label,
    pref: fc.boolean(),
    poBox: anyText(8),
    extended: anyText(8),
    street: anyText(),
    locality: anyText(10),
    region: anyText(8),
    postalCode: anyText(6),
    country: trimmedText(10),
  })
  .map((a) => a);

export const model: fc.Arbitrary<ContactModel> = fc.record({
  uid: fc.oneof(
    fc.constant(''),
    fc.uuid().map((u) => `urn:uuid:${u}`),
    trimmedText(),
  ),
  formattedName: fc.oneof(fc.constant(''), anyText()),
  name: fc.record({
    prefix: anyText(6),
    given: anyText(),
    middle: anyText(),
    family: anyText(),
    suffix: anyText(6),
  }),
  nickname: fc.oneof(fc.constant(''), anyText()),
  organization: anyText(),
  department: anyText(),
  jobTitle: anyText(),
  emails: labelled(fc.oneof(fc.emailAddress(), trimmedText())),
  phones: labelled(phone),
  addresses: fc.array(address, { maxLength: 3 }).map(onePref),
  urls: labelled(url),
  impps: labelled(
    fc.oneof(
      trimmedText().map((t) => `xmpp:${t}`),
      trimmedText(),
    ),
  ),
  birthday: fc.oneof(fc.constant(''), dateValue),
  anniversary: fc.oneof(fc.constant(''), dateValue),
  dates: fc.array(fc.record({ value: dateValue, label }), { maxLength: 3 }),
  related: fc.array(fc.record({ value: trimmedText(), label }), { maxLength: 3 }),
  labels: fc.uniqueArray(trimmedText(12), { maxLength: 4 }),
  favourite: fc.boolean(),
  note: anyText(200),
});
