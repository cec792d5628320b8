import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { signInFailures } from '../db/schema';
import {
  accountLock,
  allowClientAttempt,
  clearSignInFailures,
  lockMessage,
  recordSignInFailure,
} from './throttle';

// Defaults: 5 failures in 15 minutes lock for 15 minutes; 20 attempts a minute per address.
// Keys are unique per test: under `npm run test:postgres` every file shares one database.
const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(6).toString('hex')}`;
const T0 = new Date('2026-03-01T12:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const WINDOW = 15 * 60;

// Opening (and migrating) a fresh database takes seconds on a busy machine: not a test's time.
beforeAll(() => getDb().then(() => undefined));

async function fail(key: string, ...seconds: number[]) {
  for (const s of seconds) await recordSignInFailure(key, at(s));
}

describe('account lock', () => {
  it('uses the documented defaults', () => {
    const config = getConfig();
    expect(config.THROTTLE_ACCOUNT_FAILURES).toBe(5);
    expect(config.THROTTLE_ACCOUNT_WINDOW).toBe(WINDOW);
    expect(config.THROTTLE_IP_PER_MINUTE).toBe(20);
  });

  it('locks after five failures within the window, for one window after the fifth', async () => {
    const key = unique('five');
    await fail(key, 0, 10, 20, 30);
    expect(await accountLock(key, at(31))).toEqual({ locked: false });
    await fail(key, 40);
    expect(await accountLock(key, at(41))).toEqual({ locked: true, retryAt: at(40 + WINDOW) });
    // Still locked although the first failure has left the window by now.
    expect((await accountLock(key, at(WINDOW + 30))).locked).toBe(true);
    expect((await accountLock(key, at(40 + WINDOW - 1))).locked).toBe(true);
  });

  it('expires: open again a window after the fifth failure, with a fresh count', async () => {
    const key = unique('expiry');
    await fail(key, 0, 1, 2, 3, 4);
    expect((await accountLock(key, at(5))).locked).toBe(true);
    expect(await accountLock(key, at(4 + WINDOW))).toEqual({ locked: false });
    // One more failure after the lock does not lock again: the old five are out of its window.
    await fail(key, 5 + WINDOW);
    expect(await accountLock(key, at(6 + WINDOW))).toEqual({ locked: false });
  });

  it('does not lock when the failures are spread over more than a window', async () => {
    const key = unique('spread');
    await fail(key, 0, 240, 480, 720, 960);
    expect(await accountLock(key, at(961))).toEqual({ locked: false });
    // …but a sixth failure soon after makes five within one window.
    await fail(key, 1000);
    expect(await accountLock(key, at(1001))).toEqual({
      locked: true,
      retryAt: at(1000 + WINDOW),
    });
  });

  it('counts each username key apart, and a success clears the count', async () => {
    const key = unique('mine');
    const other = unique('other');
    await fail(key, 0, 1, 2, 3, 4);
    expect((await accountLock(other, at(5))).locked).toBe(false);
    await clearSignInFailures(key);
    expect((await accountLock(key, at(5))).locked).toBe(false);
  });

  it('deletes failures older than two windows as it records new ones', async () => {
    const key = unique('housekeeping');
    await fail(key, 0, 1, 2);
    await fail(key, 3 * WINDOW);
    const db = await getDb();
    const rows = await db.select().from(signInFailures).where(eq(signInFailures.usernameKey, key));
    expect(rows.map((r) => r.createdAt.getTime())).toEqual([at(3 * WINDOW).getTime()]);
  });
});

describe('lockMessage', () => {
  it('says "Too many attempts" and when to retry, in seconds or minutes', () => {
    expect(lockMessage(at(6), at(0))).toBe(
      'Too many attempts for this account. Try again in 6 seconds (after 12:00:06 UTC).',
    );
    expect(lockMessage(at(1), at(0))).toContain('Try again in 1 second ');
    expect(lockMessage(at(WINDOW), at(0))).toBe(
      'Too many attempts for this account. Try again in 15 minutes (after 12:15:00 UTC).',
    );
    expect(lockMessage(at(61), at(0))).toContain('Try again in 2 minutes');
  });
});

describe('per-address limit', () => {
  it('allows 20 attempts a minute per address, then refuses until the minute has passed', async () => {
    // Near the real time: recording an attempt deletes every address's rows older than two minutes.
    const start = Date.now();
    const at = (seconds: number) => new Date(start + seconds * 1000);
    const address = unique('10.0.0');
    for (let i = 0; i < 20; i++) expect(await allowClientAttempt(address, at(i))).toBe(true);
    expect(await allowClientAttempt(address, at(20))).toBe(false);
    expect(await allowClientAttempt(address, at(59))).toBe(false);
    // Another address has its own bucket.
    expect(await allowClientAttempt(unique('10.0.1'), at(30))).toBe(true);
    // Refused attempts are not counted: once the first allowed ones leave the minute, it opens.
    expect(await allowClientAttempt(address, at(60.5))).toBe(true);
    expect(await allowClientAttempt(address, at(60.6))).toBe(false);
    expect(await allowClientAttempt(address, at(200))).toBe(true);
  });
});
