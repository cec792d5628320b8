'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import { createLabel, deleteLabel, renameLabel } from '@/lib/contacts/store';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';
import { LABEL_MAX } from './label-limits';

const name = z.string().trim().min(1, 'Give the label a name.').max(LABEL_MAX);
const key = z.string().min(1).max(200);

/** Every labels form ends on the labels page, with what happened (or why not) as a message. */
async function back(kind: 'success' | 'error', text: string): Promise<never> {
  await flash(kind, text);
  redirect('/contacts/labels');
}

const refused = async ({ errors }: { errors: Record<string, string[] | undefined> }) => {
  const problem = errors.name?.[0];
  await back(
    'error',
    problem === 'Give the label a name.'
      ? problem
      : `A label name can be at most ${LABEL_MAX} characters.`,
  );
};

export const createLabelAction = buttonAction(
  { session: 'user', schema: z.object({ name }), refused },
  async ({ data, session: { user } }) => {
    const result = await createLabel(user.id, data.name);
    if (!result.ok) await back('error', result.message);
    getLogger().info({ event: 'label_created', userId: user.id });
    await back('success', `Label “${data.name}” created.`);
  },
);

export const renameLabelAction = buttonAction(
  { session: 'user', schema: z.object({ key, name }), refused },
  async ({ data, session: { user } }) => {
    const result = await renameLabel(user.id, data.key, data.name);
    if (!result.ok) await back('error', result.message);
    getLogger().info({ event: 'label_renamed', userId: user.id });
    await back('success', `Label renamed to “${data.name}”.`);
  },
);

export const deleteLabelAction = buttonAction(
  { session: 'user', schema: z.object({ key }), refused },
  async ({ data, session: { user } }) => {
    const result = await deleteLabel(user.id, data.key);
    if (!result.ok) await back('error', result.message);
    getLogger().info({ event: 'label_deleted', userId: user.id });
    await back('success', 'Label deleted. The contacts that had it are still there.');
  },
);
