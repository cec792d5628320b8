'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import {
  deleteContactForever,
  emptyTrash,
  isContactId,
  restoreContact,
} from '@/lib/contacts/store';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

const byId = z.object({ id: z.string().refine(isContactId) });

// The store acts only on this user's contacts in Trash: anything else is the same 404.
export const restoreFromTrashAction = buttonAction(
  { session: 'user', schema: byId },
  async ({ data: { id }, session: { user } }) => {
    if (!(await restoreContact(user.id, id))) notFound();
    getLogger().info({ event: 'contact_restored', userId: user.id, contactId: id });
    await flash('success', 'Contact restored.');
    redirect('/contacts/trash');
  },
);

export const deleteForeverAction = buttonAction(
  { session: 'user', schema: byId },
  async ({ data: { id }, session: { user } }) => {
    if (!(await deleteContactForever(user.id, id))) notFound();
    getLogger().info({ event: 'contact_deleted', userId: user.id, contactId: id });
    await flash('success', 'Contact deleted forever.');
    redirect('/contacts/trash');
  },
);

export const emptyTrashAction = buttonAction(
  { session: 'user', schema: z.object({}) },
  async ({ session: { user } }) => {
    const count = await emptyTrash(user.id);
    getLogger().info({ event: 'trash_emptied', userId: user.id, count });
    await flash(
      'success',
      count === 1 ? '1 contact deleted forever.' : `${count} contacts deleted forever.`,
    );
    redirect('/contacts/trash');
  },
);
