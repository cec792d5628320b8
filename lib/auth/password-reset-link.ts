import 'server-only';
import { appLink } from '../mail/config';
import { getUserByUsername } from './accounts';
import { createEmailToken, RESET_LIFETIME_SECONDS } from './email-address-tokens';
import { RESET_PATH } from './password-reset';

/**
 * The operator's way to let someone back in (`npm run user:reset-password -- NAME`): a one-time
 * reset link printed on the console, the same token a mail would carry, for the operator to hand
 * over by a channel they trust. Whoever holds it can take the account over until it is used or
 * expires, so its lifetime is short by default and capped at a day.
 */
const OPERATOR_MAX_MINUTES = 24 * 60;

export type ResetArgs = { ok: true; name: string; minutes: number } | { ok: false; error: string };

const USAGE = 'Usage: npm run user:reset-password -- NAME [--minutes N]  (N from 1 to 1440)';

/** The command line: a username and optionally --minutes N (or --minutes=N). */
export function parseResetArgs(argv: readonly string[]): ResetArgs {
  let name: string | undefined;
  let minutes = RESET_LIFETIME_SECONDS / 60;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--minutes' || arg.startsWith('--minutes=')) {
      const value = arg.includes('=') ? arg.slice('--minutes='.length) : argv[++i];
      minutes = Number(value);
      if (!/^\d+$/.test(value ?? '') || minutes < 1 || minutes > OPERATOR_MAX_MINUTES) {
        return { ok: false, error: `--minutes must be a whole number from 1 to 1440.\n${USAGE}` };
      }
    } else if (arg.startsWith('-') || name !== undefined) {
      return { ok: false, error: `Unexpected argument "${arg}".\n${USAGE}` };
    } else {
      name = arg;
    }
  }
  if (!name) return { ok: false, error: USAGE };
  return { ok: true, name, minutes };
}

/** A reset link for the named account, valid `minutes`; null when no account has that name. */
export async function operatorResetLink(
  name: string,
  minutes: number,
  base: string,
): Promise<{ link: string; username: string } | null> {
  const user = await getUserByUsername(name);
  if (!user) return null;
  const token = await createEmailToken(user.id, 'reset-password', minutes * 60);
  return { link: appLink(base, RESET_PATH, { token }), username: user.username };
}
