'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { CHOICE_FIELDS, type Choices } from '@/lib/contacts/duplicates/merge-model';
import { shownName } from '@/lib/contacts/duplicates/keys';
import { isContactId } from '@/lib/contacts/store';
import { mergeContacts } from '@/lib/contacts/store/merge';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';
import { undoDelete } from '../trash/undo';
import { mergeHref, parseChoices, parseIds } from './merge/merge-params';

const STALE_MESSAGE =
  'These contacts were changed since you opened this page. Nothing was merged. Their current values are shown below: check your choices and merge again.';
const GONE_MESSAGE = 'One of these contacts is no longer there. Nothing was merged.';

const mergeSchema = z
  .object({
    intent: z.enum(['preview', 'merge']),
    ids: z.string().max(400),
    keep: z.string().refine(isContactId),
    ...Object.fromEntries(CHOICE_FIELDS.map((f) => [f, z.string().max(40)])),
  })
  .catchall(z.string().max(400));

/** The version each contact was shown at: `version-<id>` fields, whole numbers from 1. */
function versionsOf(
  form: Record<string, string>,
  ids: string[],
): Record<string, number> | undefined {
  const versions: Record<string, number> = {};
  for (const id of ids) {
    const v = Number(form[`version-${id}`]);
    if (!Number.isSafeInteger(v) || v < 1) return undefined;
    versions[id] = v;
  }
  return versions;
}

/**
 * The merge page's form: "Update preview" shows the page again with the choices made; "Merge"
 * merges (only ever on this request: nothing is merged automatically).
 */
export const mergeAction = buttonAction(
  {
    session: 'user',
    schema: mergeSchema,
    refused: async () => {
      await flash('error', GONE_MESSAGE);
      redirect('/contacts/duplicates');
    },
  },
  async ({ data, session: { user } }) => {
    const ids = parseIds(data.ids);
    const form = data as Record<string, string>;
    const versions = ids && versionsOf(form, ids);
    if (!ids || !versions || !ids.includes(data.keep)) {
      await flash('error', GONE_MESSAGE);
      redirect('/contacts/duplicates');
    }
    const choices = parseChoices((f) => form[f], ids);
    if (data.intent === 'preview' || CHOICE_FIELDS.some((f) => !choices[f])) {
      redirect(mergeHref(ids, choices));
    }
    const result = await mergeContacts(user.id, {
      keepId: data.keep,
      versions,
      choices: choices as Choices,
      region: getConfig().DEFAULT_PHONE_REGION,
    });
    if (result.status === 'not-found') {
      await flash('error', GONE_MESSAGE);
      redirect('/contacts/duplicates');
    }
    if (result.status === 'conflict') {
      await flash('error', STALE_MESSAGE);
      redirect(mergeHref(ids, choices));
    }
    const { contact, trashed } = result;
    getLogger().info({ event: 'contacts_merged', userId: user.id, contactId: contact.id, trashed });
    const name = shownName(contact.model);
    if (trashed.length === 1) {
      await flash('success', `Merged ${name}. The other card is in Trash:`, {
        ...undoDelete(trashed[0]!),
        label: 'Restore it',
      });
    } else {
      await flash('success', `Merged ${name}. The other ${trashed.length} cards are in Trash.`);
    }
    redirect(`/contacts/${contact.id}`);
  },
);
