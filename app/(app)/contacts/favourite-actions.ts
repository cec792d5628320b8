'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction } from '@/lib/auth/action';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { isContactId, setFavourite } from '@/lib/contacts/store';

/** A star button's value (favourite-button.tsx): "set:<id>" or "unset:<id>". */
const starValue = z
  .string()
  .max(60)
  .regex(/^(un)?set:/)
  .transform((value) => ({
    favourite: value.startsWith('set:'),
    id: value.slice(value.indexOf(':') + 1),
  }))
  .refine(({ id }) => isContactId(id));

const favouriteForm = z.object({
  star: starValue,
  back: z.string().max(500).optional(),
});

/** The star: sets (not flips) the state the button showed, so a double submit does no harm. */
export const setFavouriteAction = buttonAction(
  { session: 'user', schema: favouriteForm },
  async ({ data: { star, back }, session: { user } }) => {
    if (!(await setFavourite(user.id, star.id, star.favourite))) notFound();
    redirect(safeNextPath(back ?? `/contacts/${star.id}`));
  },
);
