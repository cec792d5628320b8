/**
 * The sign-in throttle's decisions, as pure functions of the recorded failures and the time, so
 * every rule is tested without a database or a clock. The model (docs/decisions/014):
 * - per (username, address): THROTTLE_PAIR_FAILURES failures within THROTTLE_PAIR_WINDOW lock
 *   that pair for a window after the last of them, right password or not;
 * - per username, from anywhere: after THROTTLE_ACCOUNT_FAILURES failures within
 *   THROTTLE_ACCOUNT_WINDOW, each further attempt must wait 2 s, 4 s, 8 s… after the latest
 *   failure, capped at THROTTLE_ACCOUNT_MAX_DELAY: slowed, never locked;
 * - the owner's own address (one the account signed in from) skips the account-wide delay;
 * - a known device (its cookie names this account) skips both, until it has used its own budget
 *   of THROTTLE_DEVICE_FAILURES failures within a pair window: then it is a stranger again.
 */
export interface RecordedFailure {
  at: number;
  address: string;
  device: string | null;
}

export interface ThrottleLimits {
  pairFailures: number;
  pairWindowMs: number;
  accountFailures: number;
  accountWindowMs: number;
  accountMaxDelayMs: number;
  deviceFailures: number;
}

export interface AttemptSource {
  address: string;
  /** The known-device id, when a valid cookie names this account. */
  device: string | null;
  /** The account signed in from this address before. */
  knownAddress: boolean;
}

export type ThrottleDecision =
  | { allowed: true; via: 'device' | 'address' | 'stranger' }
  | { allowed: false; reason: 'pair' | 'account'; retryAt: Date };

/** The first delay once the account's free failures are used; it doubles with each failure. */
const ACCOUNT_BASE_DELAY_MS = 2_000;

/**
 * When a sliding-window lock ends: once `limit` of the times fall within one window, the lock
 * holds for a window after the last of them. 0 when there is none. `times` ascending.
 */
export function lockedUntil(times: readonly number[], limit: number, windowMs: number): number {
  let until = 0;
  for (let i = limit - 1; i < times.length; i++) {
    const reached = times[i]!;
    if (reached - times[i - limit + 1]! < windowMs) until = Math.max(until, reached + windowMs);
  }
  return until;
}

/** The wait after the latest failure, given how many failures the account has in its window. */
export function accountDelayMs(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.accountFailures) return 0;
  // 2^30 is far past any cap; the exponent is clamped so the number stays finite.
  const doublings = Math.min(failures - limits.accountFailures, 30);
  return Math.min(limits.accountMaxDelayMs, ACCOUNT_BASE_DELAY_MS * 2 ** doublings);
}

/** Whether an attempt from `source` may have its password checked at `now`. */
export function decideAttempt(
  failures: readonly RecordedFailure[],
  source: AttemptSource,
  limits: ThrottleLimits,
  now: number,
): ThrottleDecision {
  const sorted = [...failures].sort((a, b) => a.at - b.at);
  if (source.device) {
    const spent = sorted.filter(
      (f) => f.device === source.device && now - f.at < limits.pairWindowMs,
    ).length;
    if (spent < limits.deviceFailures) return { allowed: true, via: 'device' };
  }
  const pairTimes = sorted.filter((f) => f.address === source.address).map((f) => f.at);
  const pairUntil = lockedUntil(pairTimes, limits.pairFailures, limits.pairWindowMs);
  if (pairUntil > now) return { allowed: false, reason: 'pair', retryAt: new Date(pairUntil) };
  if (source.knownAddress) return { allowed: true, via: 'address' };

  const recent = sorted.filter((f) => now - f.at < limits.accountWindowMs);
  const latest = recent.at(-1);
  const delay = accountDelayMs(recent.length, limits);
  if (latest && delay > 0 && latest.at + delay > now) {
    return { allowed: false, reason: 'account', retryAt: new Date(latest.at + delay) };
  }
  return { allowed: true, via: 'stranger' };
}
