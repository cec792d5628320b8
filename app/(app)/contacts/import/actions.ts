'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { IMPORT_MAX_BYTES, IMPORT_MESSAGES } from '@/lib/contacts/import/limits';
import { readImport } from '@/lib/contacts/import/prepare';
import { importSummary } from '@/lib/contacts/import/summary';
import { importCards } from '@/lib/contacts/store';
import { flash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';

/** The import form's state: an error, or the summary of an import with lines worth reading. */
export interface ImportState extends FormState {
  /** "3 added, 0 updated, 1 unchanged, 0 skipped". */
  summary?: string;
  /** "Card 12 (line 340), Jane Doe: phone '121' kept as typed: …", the first 100. */
  notes?: string[];
  /** Lines not listed. */
  moreNotes?: number;
}

const importSchema = z.object({
  file: z
    .instanceof(File, { message: IMPORT_MESSAGES.choose })
    // A form sent with no file chosen carries an empty part with no name; a chosen file has one.
    .refine((file) => file.size > 0 || file.name !== '', IMPORT_MESSAGES.choose)
    .refine((file) => file.size > 0, IMPORT_MESSAGES.empty)
    .refine((file) => file.size <= IMPORT_MAX_BYTES, IMPORT_MESSAGES.tooLarge),
});

export const importContactsAction = formAction<typeof importSchema, 'user', ImportState>(
  { session: 'user', schema: importSchema },
  async ({ data: { file }, session: { user } }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const region = getConfig().DEFAULT_PHONE_REGION;
    // Read and written together, a batch at a time: the file's cards are never all in memory.
    const { read, result: counts } = await importCards(user.id, (save) =>
      readImport(file.name, bytes, { region }, save),
    );
    if (!read.ok) {
      return {
        errors: { file: [read.message] },
        values: {},
        notes: read.notes?.lines,
        moreNotes: read.notes?.more,
      };
    }
    const summary = importSummary(counts, read.skipped);
    getLogger().info({
      event: 'contacts_imported',
      userId: user.id,
      format: read.format,
      ...counts,
      skipped: read.skipped,
    });
    const { lines, more } = read.notes;
    if (lines.length > 0) {
      // The lines do not fit a flash message: this page lists them.
      return { errors: {}, values: {}, summary, notes: lines, moreNotes: more };
    }
    await flash('success', `Imported: ${summary}.`);
    redirect('/contacts?sort=added');
  },
);
