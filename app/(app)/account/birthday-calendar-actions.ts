'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { createCalendarToken, revokeCalendarToken } from '@/lib/calendar/feed-token';
import { birthdayFeedUrl } from '@/lib/calendar/feed-url';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';

/**
 * The birthday calendar's link, for the signed-in user only. The new link travels once, in this
 * action's answer (the state of the form): not in a redirect's URL, a cookie or a log line, and
 * only its hash is stored, so it cannot be shown again. Without JavaScript the answer is the
 * page rendered for the POST; with it, the form's state.
 */
export interface CalendarLinkState extends FormState {
  /** Whether the feed is on after this action (the page's own value may be older). */
  on?: boolean;
  /** The new link, shown once. */
  url?: string;
}

const linkSchema = z.object({ intent: z.enum(['create', 'off']) });

/** "Create calendar link" and "Make a new link" (create: replaces any old one), "Turn off" (off). */
export const calendarLinkAction = formAction<typeof linkSchema, 'user', CalendarLinkState>(
  { session: 'user', schema: linkSchema },
  async ({ data, session: { user } }) => {
    if (data.intent === 'off') {
      await revokeCalendarToken(user.id);
      getLogger().info({ event: 'calendar_link_revoked', userId: user.id });
      return {
        errors: {},
        values: {},
        on: false,
        message: 'The birthday calendar is off. Its link no longer works.',
      };
    }
    const token = await createCalendarToken(user.id);
    getLogger().info({ event: 'calendar_link_created', userId: user.id });
    return {
      errors: {},
      values: {},
      on: true,
      url: birthdayFeedUrl(await headers(), token),
      message: 'Your birthday calendar link is ready. Copy it now: it is shown only this once.',
    };
  },
);
