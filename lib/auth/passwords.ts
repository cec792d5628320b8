import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { concurrencyGate } from '../server/concurrency-gate';
import { isCommonPassword } from './common-passwords';
import { usernameKey as keyOf } from './username';

/**
 * argon2id at 7 MiB, 5 passes, 1 lane: one of the five settings OWASP's password storage cheat
 * sheet lists as equally strong (19 MiB with 2 passes is another), the one that needs least memory.
 * The hash in progress is resident while it runs, and under load one always is: 12 MB of the
 * server's peak, for the same defence and less time per hash (9 ms against 14, measured;
 * docs/decisions/008-performance.md). Hashing runs on libuv's thread pool.
 */
const ARGON2 = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 7168,
  timeCost: 5,
  parallelism: 1,
} as const;
const CURRENT_COST = `m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}`;

/**
 * Hashes running at once: one core fewer than the machine has (at least one). Each hash keeps a
 * core busy for tens of milliseconds; with as many as libuv's four threads on two cores, a burst
 * of sign-ins starved every page of CPU (p99 of /contacts rose 4×, measured by npm run bench).
 * Waiting sign-ins queue here instead, and unknown users and wrong passwords queue alike.
 */
const hashing = concurrencyGate(Math.max(1, os.availableParallelism() - 1));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2));
}

/**
 * Whether a stored hash was made with today's parameters. A hash from before a change still
 * verifies (the parameters are written in it); sign-in then hashes the password again.
 */
export function hashIsCurrent(passwordHash: string): boolean {
  return passwordHash.startsWith(`$argon2id$v=19$${CURRENT_COST}$`);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no hash (unknown user) it verifies against a dummy hash, so an
 * unknown username costs the same time as a wrong password.
 */
export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword('contact-cards dummy password for unknown users');
  const target = passwordHash ?? (await dummyHash);
  try {
    const ok = await hashing(() => verify(target, password));
    return ok && passwordHash !== undefined;
  } catch {
    return false;
  }
}

/** Why a new password is refused, or null. Length is measured in code points (any Unicode). */
export async function passwordProblem(
  password: string,
  usernameKey: string,
): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.normalize('NFKC').toLowerCase();
  if (await isCommonPassword(lower)) {
    return 'This password is too common. Choose one that is harder to guess.';
  }
  // Compared as usernames are: "ＡＬＩＣＥ-smith" or a Cyrillic look-alike is still the username.
  if (usernameKey && keyOf(password) === usernameKey) {
    return 'Your password cannot be your username.';
  }
  return null;
}
