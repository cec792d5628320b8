'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { prepareImport, IMPORT_MAX_BYTES } from '@/lib/contacts/import';
import { applyImport } from '@/lib/contacts/store';
import { writeFromLegacy } from '@/lib/contacts/store/legacy-bridge';
import type { ParseProblem } from '@/lib/contacts/records';
import { flash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';

/** The import form's state: an error, or the summary of an import that skipped some records. */
export interface ImportState extends FormState {
  imported?: number;
  skipped?: ParseProblem[];
  skippedCount?: number;
}

/** Reasons listed on the page; the rest are counted. */
const LISTED = 100;

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

const CHOOSE = 'Choose a vCard (.vcf) or CSV file to import.';
const importSchema = z.object({
  file: z
    .instanceof(File, { message: CHOOSE })
    .refine((file) => file.size > 0, CHOOSE)
    .refine(
      (file) => file.size <= IMPORT_MAX_BYTES,
      'The file is larger than 5 MB. Split it into smaller files and import each.',
    ),
});

export const importContactsAction = formAction<typeof importSchema, 'user', ImportState>(
  { session: 'user', schema: importSchema },
  async ({ data: { file }, session: { user } }) => {
    const prepared = prepareImport(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!prepared.ok) {
      return {
        errors: { file: [prepared.message] },
        values: {},
        skipped: prepared.skipped?.slice(0, LISTED),
        skippedCount: prepared.skipped?.length ?? 0,
      };
    }
    const { added: imported } = await applyImport(
      user.id,
      prepared.inputs.map((input) => ({ ...writeFromLegacy(input), rest: null, photo: null })),
    );
    getLogger().info({
      event: 'contacts_imported',
      userId: user.id,
      format: prepared.format,
      imported,
      skipped: prepared.skipped.length,
    });
    const message = `Imported ${plural(imported, 'contact')}.`;
    if (prepared.skipped.length > 0) {
      // The reasons do not fit a flash message: this page shows them.
      return {
        errors: {},
        values: {},
        message: `${message} Skipped ${plural(prepared.skipped.length, 'record')}.`,
        imported,
        skipped: prepared.skipped.slice(0, LISTED),
        skippedCount: prepared.skipped.length,
      };
    }
    await flash('success', message);
    redirect('/contacts?sort=added');
  },
);
