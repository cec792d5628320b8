import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { signInFailures } from '../db/schema';
import {
  allowClientAttempt,
  checkAttempt,
  clearOwnFailures,
  lockMessage,
  recentFailures,
  recordSignInFailure,
} from './throttle';

// Defaults: 5 failures per (username, address) in 15 minutes lock that pair for 15 minutes; 3 per
// username start a delay from 2 s, doubling, to 15 minutes; 20 attempts a minute per address.
// Keys are unique per test: under `npm run test:postgres` every file shares one database.
const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(6).toString('hex')}`;
const T0 = new Date('2026-03-01T12:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const WINDOW = 15 * 60;

// Opening (and migrating) a fresh database takes seconds on a busy machine: not a test's time.
beforeAll(() => getDb().then(() => undefined));

async function fail(key: string, address: string, ...seconds: number[]) {
  for (const sec of seconds) await recordSignInFailure(key, { address }, at(sec));
}
const stranger = (address: string) => ({ address, device: null, knownAddress: false });

describe('the throttle over the database', () => {
  it('uses the documented defaults', () => {
    const config = getConfig();
    expect(config.THROTTLE_PAIR_FAILURES).toBe(5);
    expect(config.THROTTLE_PAIR_WINDOW).toBe(WINDOW);
    expect(config.THROTTLE_ACCOUNT_FAILURES).toBe(3);
    expect(config.THROTTLE_ACCOUNT_WINDOW).toBe(24 * 3600);
    expect(config.THROTTLE_ACCOUNT_MAX_DELAY).toBe(WINDOW);
    expect(config.THROTTLE_DEVICE_FAILURES).toBe(10);
    expect(config.THROTTLE_IP_PER_MINUTE).toBe(20);
  });

  it('reads back failures with where they came from, newest first', async () => {
    const key = unique('read');
    await fail(key, 'a', 0);
    await recordSignInFailure(key, { address: 'b', device: 'phone' }, at(1));
    expect(await recentFailures(key, at(2))).toEqual([
      { at: at(1).getTime(), address: 'b', device: 'phone' },
      { at: at(0).getTime(), address: 'a', device: null },
    ]);
  });

  it('locks the pair after five failures from one address, and only slows the others', async () => {
    const key = unique('pair');
    await fail(key, 'bot', 0, 10, 20, 30);
    expect((await checkAttempt(key, stranger('bot'), at(60))).allowed).toBe(true);
    await fail(key, 'bot', 40);
    expect(await checkAttempt(key, stranger('bot'), at(41))).toEqual({
      allowed: false,
      reason: 'pair',
      retryAt: at(40 + WINDOW),
    });
    // Elsewhere: five failures on the account ask for 8 s after the latest, no more.
    expect(await checkAttempt(key, stranger('owner'), at(41))).toMatchObject({
      allowed: false,
      reason: 'account',
      retryAt: at(48),
    });
    expect((await checkAttempt(key, stranger('owner'), at(48))).allowed).toBe(true);
    expect(
      (await checkAttempt(key, { ...stranger('owner'), knownAddress: true }, at(41))).allowed,
    ).toBe(true);
  });

  it('a success clears its own address and device, not the rest', async () => {
    const key = unique('clear');
    await fail(key, 'home', 0, 1);
    await fail(key, 'bot', 2);
    await recordSignInFailure(key, { address: 'hotel', device: 'phone' }, at(3));
    await clearOwnFailures(key, { address: 'home', device: 'phone' });
    expect((await recentFailures(key, at(4))).map((f) => f.address)).toEqual(['bot']);
  });

  it('deletes failures older than the look-back as it records new ones', async () => {
    const key = unique('housekeeping');
    await fail(key, 'a', 0, 1, 2);
    await fail(key, 'a', 2 * 24 * 3600);
    const db = await getDb();
    const rows = await db.select().from(signInFailures).where(eq(signInFailures.usernameKey, key));
    expect(rows.map((r) => r.createdAt.getTime())).toEqual([at(2 * 24 * 3600).getTime()]);
  });
});

describe('lockMessage', () => {
  it('says "Too many attempts" and when to retry, in seconds or minutes', () => {
    expect(lockMessage(at(6), at(0))).toBe(
      'Too many attempts for this account. Try again in 6 seconds.',
    );
    expect(lockMessage(at(1), at(0))).toContain('Try again in 1 second.');
    expect(lockMessage(at(WINDOW), at(0))).toBe(
      'Too many attempts for this account. Try again in 15 minutes.',
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
