'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { setNameOrder } from '@/lib/contacts/store';

const nameOrderForm = z.object({
  order: z.enum(['first', 'last']),
  back: z.string().max(500).optional(),
});

/** Sort names by first or last name: kept for the user, so every later visit sorts the same way. */
export const setNameOrderAction = buttonAction(
  { session: 'user', schema: nameOrderForm },
  async ({ data: { order, back }, session: { user } }) => {
    await setNameOrder(user.id, order);
    redirect(safeNextPath(back ?? '/contacts'));
  },
);
