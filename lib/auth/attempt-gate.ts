import 'server-only';
import type { User } from '../db/schema';
import { getLogger } from '../server/log';
import { getUserByUsername } from './accounts';
import { knownDeviceFor } from './known-device';
import {
  allowClientAttempt,
  checkAttempt,
  isKnownAddress,
  lockMessage,
  type FailureOrigin,
} from './throttle';
import { usernameKey } from './username';

/** No account has the nil id: queries for an unknown name cost what a known one's do. */
export const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export const TOO_MANY_FROM_ADDRESS = 'Too many attempts from your network. Try again in a minute.';

export type AttemptGate =
  | { open: false; message: string }
  | {
      open: true;
      key: string;
      user: User | undefined;
      device: string | null;
      /** Why the throttle let it through ('device': a known device vouched, on its own budget). */
      via: 'device' | 'address' | 'stranger';
      /** Where a failure is counted: a device past its own budget is a stranger again. */
      origin: FailureOrigin;
    };

/**
 * The checks before a secret typed with a username (a password, a recovery code) is compared:
 * the per-address limit, then the throttle (lib/auth/throttle-rules.ts) for that username from
 * this address, known device and known address. An unknown name runs the same queries. `event`
 * names the log lines ("sign_in" → sign_in_throttled, sign_in_refused).
 */
export async function openAttemptGate(
  username: string,
  address: string,
  event: string,
): Promise<AttemptGate> {
  const log = getLogger();
  if (!(await allowClientAttempt(address))) {
    log.warn({ event: `${event}_throttled`, clientAddress: address });
    return { open: false, message: TOO_MANY_FROM_ADDRESS };
  }
  const key = usernameKey(username);
  const user = await getUserByUsername(username);
  const device = await knownDeviceFor(user?.id);
  const knownAddress = await isKnownAddress(user?.id ?? NO_ACCOUNT, address);
  const decision = await checkAttempt(key, { address, device, knownAddress });
  if (!decision.allowed) {
    log.warn({
      event: `${event}_refused`,
      username,
      reason: decision.reason,
      clientAddress: address,
    });
    return { open: false, message: lockMessage(decision.retryAt) };
  }
  return {
    open: true,
    key,
    user,
    device,
    via: decision.via,
    origin: { address, device: decision.via === 'device' ? device : null },
  };
}
