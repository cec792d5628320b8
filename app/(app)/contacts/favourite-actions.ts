'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { isContactId, setFavourite } from '@/lib/contacts/store';

const favouriteForm = z.object({
  id: z.string().refine(isContactId),
  favourite: z.enum(['true', 'false']),
  back: z.string().max(500).optional(),
});

/** The star: sets (not flips) the state the button showed, so a double submit does no harm. */
export const setFavouriteAction = buttonAction(
  { session: 'user', schema: favouriteForm },
  async ({ data: { id, favourite, back }, session: { user } }) => {
    if (!(await setFavourite(user.id, id, favourite === 'true'))) notFound();
    redirect(safeNextPath(back ?? `/contacts/${id}`));
  },
);
