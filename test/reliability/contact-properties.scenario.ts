import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContact } from '@/lib/contacts/checks';
import { readCsvFile } from '@/lib/contacts/csv/read';
import { readContactForm } from '@/lib/contacts/form-model';
import { decodeText, utf16Of } from '@/lib/contacts/import/decode-bytes';
import { detectFormat } from '@/lib/contacts/import/detect-format';
import { IMPORT_MAX_CONTACTS } from '@/lib/contacts/import/limits';
import { prepareImport } from '@/lib/contacts/import/prepare';
import { emptyContact, emptyName, hasIdentity } from '@/lib/contacts/model';
import { readVCardFile } from '@/lib/contacts/vcard/read';
import { anyInput, anyModel, anyRecord, cleanVcards, csvish, vcardish } from './lib/arbitraries';
import { EDITOR_FIELDS } from './lib/editor-fields';
import { note } from './lib/stats';
import { expectStorable } from './lib/storable';

/**
 * Contacts: the one check (checkContact), the vCard and CSV readers, the import's preparation
 * and the editor's form reader. None may throw on any input; whatever they would save fits the
 * contacts table (test/reliability/lib/storable.ts); a record with something to know it by (a
 * name, organisation, email or phone) is never dropped.
 */
const REGION = { region: 'GB' };
const plain = fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,29}$/);

/** A contact a person might type, so that the accepted path is exercised too. */
const plausibleModel = fc
  .tuple(
    plain,
    plain,
    fc.emailAddress(),
    fc.constantFrom('', '1985-04-12', '--02-29', '12/04/1985'),
  )
  .map(([given, family, email, birthday]) => ({
    ...emptyContact(),
    name: { ...emptyName(), given, family },
    emails: [{ value: email, label: 'home', pref: false }],
    phones: [{ value: '020 7946 0958', label: 'mobile', pref: false }],
    birthday,
  }));
const asText = (v: unknown) => {
  try {
    return typeof v === 'string' ? v : String(v);
  } catch {
    return '';
  }
};

/** The records a reader gives for the whole file at once, as prepareImport would decode it. */
function readWhole(name: string, bytes: Uint8Array) {
  if (detectFormat(name, bytes) === 'vcard') {
    const input = utf16Of(bytes) ? new TextEncoder().encode(decodeText(bytes).text) : bytes;
    return readVCardFile(input, IMPORT_MAX_CONTACTS).cards.map((c) => c.model);
  }
  return readCsvFile(decodeText(bytes).text, IMPORT_MAX_CONTACTS).records.map((r) => r.model);
}

describe('bad input: contacts checks, readers and import (fast-check)', () => {
  it('checkContact: never throws; what it returns fits the table; a plain identity survives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(anyModel(), plausibleModel),
        fc.option(fc.constantFrom('given', 'organization', 'email', 'phone'), { nil: undefined }),
        plain,
        (input, identity, value) => {
          if (identity === 'given') input.name.given = value;
          if (identity === 'organization') input.organization = value;
          if (identity === 'email')
            input.emails.unshift({
              value: `${value.replace(/\W/g, '') || 'x'}@example.com`,
              label: '',
              pref: false,
            });
          if (identity === 'phone')
            input.phones.unshift({ value: '+44 20 7946 0958', label: '', pref: false });
          const result = checkContact(input, REGION);
          // Import saves the model and flags whatever the errors: it must always be storable.
          expectStorable(result.model);
          if (identity) expect(hasIdentity(result.model), `${identity} kept`).toBe(true);
          if (result.errors.length === 0) {
            accepted++;
            expect(hasIdentity(result.model)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
    note(
      `1000 random contacts: no exception; all storable; ${accepted} accepted by the editor's rules`,
    );
  });

  it('readVCardFile and readCsvFile: never throw on any text; each record checks into a storable contact', () => {
    let records = 0;
    fc.assert(
      fc.property(fc.oneof(anyInput(300_000), vcardish(), csvish(), cleanVcards()), (text) => {
        const vcards = readVCardFile(new TextEncoder().encode(text), IMPORT_MAX_CONTACTS);
        const csv = readCsvFile(text, IMPORT_MAX_CONTACTS);
        const read = [...vcards.cards, ...csv.records];
        for (const r of read) {
          expect(typeof r.where).toBe('string');
          expectStorable(checkContact(r.model, REGION).model);
        }
        for (const p of [...vcards.problems, ...csv.problems])
          expect(p.reason.length).toBeGreaterThan(0);
        records += read.length;
      }),
      { numRuns: 500 },
    );
    note(
      `500 random files (vCard-like, CSV-like, any text, up to 300 KB) through both readers: no exception; ${records} records, each storable once checked`,
    );
  });

  it('prepareImport: never throws on any bytes; keeps every record that has identity; what it keeps fits the table', async () => {
    const outcomes = { ok: 0, refused: 0, cards: 0, skipped: 0 };
    const bytes = fc.oneof(
      fc
        .oneof(anyInput(200_000), vcardish(), csvish(), cleanVcards())
        .map((t) => new TextEncoder().encode(t)),
      fc.uint8Array({ maxLength: 5000 }),
      fc
        .oneof(vcardish(), csvish(), cleanVcards())
        .map((t) =>
          Uint8Array.from([
            0xff,
            0xfe,
            ...Array.from(t, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat(),
          ]),
        ),
    );
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.constantFrom('a.vcf', 'a.csv', 'a.txt', 'CONTACTS.VCF', ''),
        async (data, name) => {
          const prepared = await prepareImport(name, data, REGION);
          if (!prepared.ok) {
            outcomes.refused++;
            expect(prepared.message.length).toBeGreaterThan(0);
            return;
          }
          outcomes.ok++;
          outcomes.cards += prepared.cards.length;
          outcomes.skipped += prepared.skipped;
          for (const card of prepared.cards) {
            expect(hasIdentity(card.model)).toBe(true);
            expectStorable(card.model);
          }
          // The same file read whole: every record with identity is among the cards, and only
          // those without any were skipped.
          const whole = readWhole(name, data).map((m) => checkContact(m, REGION).model);
          const identified = whole.filter(hasIdentity).length;
          expect(prepared.cards.length, 'records with identity kept').toBe(identified);
          expect(prepared.skipped, 'records skipped').toBe(whole.length - identified);
        },
      ),
      { numRuns: 400 },
    );
    note(
      `400 random files: ${outcomes.ok} importable (${outcomes.cards} contacts kept, each storable; ${outcomes.skipped} without identity skipped; none with identity lost), ${outcomes.refused} refused with a reason; no exception`,
    );
  });

  it('readContactForm: never throws on any form; what the editor would save fits the table', () => {
    let saved = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          anyRecord(EDITOR_FIELDS),
          fc.record({
            'name.given': plain,
            'emails.0.value': fc.emailAddress(),
            'phones.0.value': anyInput(60),
          }),
        ),
        (values) => {
          const fd = new FormData();
          for (const [k, v] of Object.entries(values)) fd.append(k, asText(v));
          const draft = readContactForm(fd);
          const result = checkContact(draft.model, { ...REGION, keepAsTyped: new Set(draft.keep) });
          expectStorable(result.model);
          if (result.errors.length === 0) saved++;
        },
      ),
      { numRuns: 1000 },
    );
    note(`1000 random editor forms: no exception; ${saved} would be saved, every one storable`);
  });
});
