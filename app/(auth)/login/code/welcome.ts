import 'server-only';
import { failedAttemptsNotice } from '@/lib/auth/sign-in';
import { flash } from '@/lib/flash/flash';

/**
 * The message after any sign-in: a warning when attempts failed since the last visit (ASVS 6.3.5's
 * notice), with whatever else the sign-in has to say (e.g. recovery codes running low).
 */
export async function flashWelcome(
  username: string,
  failedSince: number,
  extra = '',
): Promise<void> {
  const text = [
    `Welcome back, ${username}.`,
    failedSince > 0 ? failedAttemptsNotice(failedSince) : '',
    extra,
  ]
    .filter(Boolean)
    .join(' ');
  await flash(failedSince > 0 || extra ? 'warning' : 'success', text);
}
