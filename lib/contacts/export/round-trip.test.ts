import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { checkContact } from '../checks';
import { prepareImport } from '../import/prepare';
import { hasIdentity, type ContactModel } from '../model';
import { applyImport, createContact, iterateCards } from '../store';
import { newOwner } from '../store/test-helpers';
import { model as anyModel } from '../vcard/arbitraries';
import { exportGoogleCsv } from './csv';
import { exportCards, type ExportVersion } from './vcard';

/**
 * The whole path a person takes to move an address book: contacts saved in one account, exported,
 * and the file imported into an empty account give back every contact exactly, for vCard 4.0,
 * vCard 3.0 and Google CSV. Unit-level round trips of the readers and writers are in vcard/ and
 * csv/; this one goes through the store, the export and the import as the routes do.
 */

const REGION = 'GB';
// 12 runs per format in the suite (about 1.5 s each); ROUND_TRIP_RUNS=60 passed too.
const RUNS = Number(process.env.ROUND_TRIP_RUNS ?? 12);

// Opening the database (initdb and migrations) belongs in a hook, with the hooks' longer timeout.
beforeAll(() => getDb());

/** A model as the editor would save it: checked, every value kept. */
const saved = (m: ContactModel) => checkContact(m, { region: REGION });

async function collect(gen: AsyncIterable<string>): Promise<Uint8Array> {
  const parts: string[] = [];
  for await (const part of gen) parts.push(part);
  return new TextEncoder().encode(parts.join(''));
}

async function modelsOf(ownerId: string): Promise<ContactModel[]> {
  const out: ContactModel[] = [];
  for await (const c of iterateCards(ownerId)) out.push(c.model);
  return out;
}

type Format = { name: string; file: string; bytes: (owner: string) => Promise<Uint8Array> };

const vcard = (version: ExportVersion): Format => ({
  name: `vCard ${version}`,
  file: 'contacts.vcf',
  bytes: (owner) => collect(exportCards(iterateCards(owner), version)),
});
const csv: Format = {
  name: 'Google CSV',
  file: 'contacts.csv',
  bytes: (owner) => collect(exportGoogleCsv(() => iterateCards(owner))),
};

describe('export, then import into an empty account (fast-check)', () => {
  for (const format of [vcard('4.0'), vcard('3.0'), csv]) {
    it(`${format.name}: every contact comes back exactly, and a second import changes nothing`, async () => {
      const books = fc.array(
        anyModel.filter((m) => hasIdentity(saved(m).model)),
        { minLength: 1, maxLength: 4 },
      );
      await fc.assert(
        fc.asyncProperty(books, async (models) => {
          const from = await newOwner('export_from');
          for (const m of models) {
            const { model, flags } = saved(m);
            await createContact(from, { model, flags });
          }
          const exported = await format.bytes(from);
          const to = await newOwner('export_to');
          const prepared = await prepareImport(format.file, exported, { region: REGION });
          if (!prepared.ok) throw new Error(prepared.message);
          expect(await applyImport(to, prepared.cards)).toMatchObject({ added: models.length });
          expect(await modelsOf(to)).toEqual(await modelsOf(from));

          const again = await prepareImport(format.file, exported, { region: REGION });
          if (!again.ok) throw new Error(again.message);
          expect(await applyImport(to, again.cards)).toEqual({
            added: 0,
            updated: 0,
            unchanged: models.length,
            restored: 0,
          });
        }),
        { numRuns: RUNS },
      );
    });
  }
});
