import crypto from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { createUser } from './accounts';
import { hashIsCurrent, verifyPassword } from './passwords';
import { allowClientAttempt, recordSignInFailure, rememberAddress } from './throttle';
import { usernameKey } from './username';
import { INVALID_SIGN_IN, signIn, TOO_MANY_FROM_ADDRESS } from './sign-in';

// A stand-in for next/headers: one browser's cookie jar and request headers.
const browser = vi.hoisted(() => ({ jar: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) =>
      browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined,
    set: (name: string, value: string) => void browser.jar.set(name, value),
    delete: (name: string) => void browser.jar.delete(name),
  }),
  headers: async () => new Headers({ 'user-agent': 'vitest' }),
}));

const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
const PASSWORD = 'a long passphrase';
const LOCKED = /^Too many attempts for this account\. Try again in /;
// Each call its own address unless told, so the per-address limits never trip by accident.
const attempt = (username: string, password = PASSWORD, address = unique('addr')) =>
  signIn({ username, password, remember: false, address });

/** Runs `fn` as another browser (an empty cookie jar), then puts this one's cookies back. */
async function asStranger<T>(fn: () => Promise<T>): Promise<T> {
  const saved = new Map(browser.jar);
  browser.jar.clear();
  try {
    return await fn();
  } finally {
    browser.jar.clear();
    for (const [k, v] of saved) browser.jar.set(k, v);
  }
}

async function newUser() {
  const user = await createUser(unique('si'), PASSWORD);
  if (!user) throw new Error('username taken');
  return user;
}

const { THROTTLE_PAIR_FAILURES: PAIR, THROTTLE_DEVICE_FAILURES: DEVICE } = getConfig();

beforeAll(() => getDb().then(() => undefined));
beforeEach(() => browser.jar.clear());

describe('signIn', () => {
  it('starts a session and vouches for this browser with a known-device cookie', async () => {
    const user = await newUser();
    const result = await attempt(user.username.toUpperCase());
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, username: user.username },
      failedSince: 0,
    });
    expect([...browser.jar.keys()].sort()).toEqual(['cc_device', 'cc_session']);
  });

  it('gives one message for a wrong password and an unknown user, and sets no cookie', async () => {
    const user = await newUser();
    expect(await attempt(user.username, 'not the passphrase')).toEqual({
      ok: false,
      message: INVALID_SIGN_IN,
    });
    expect(await attempt(unique('nobody'))).toEqual({ ok: false, message: INVALID_SIGN_IN });
    expect(browser.jar.size).toBe(0);
  });

  it('locks a (username, address) pair after its failures, the right password included; elsewhere is only slowed', async () => {
    const user = await newUser();
    const key = usernameKey(user.username);
    const stranger = unique('stranger');
    // Five failures a minute ago, spaced past the account-wide delays they started.
    const start = Date.now() - 60_000;
    for (let i = 0; i < PAIR; i++) {
      await recordSignInFailure(key, { address: stranger }, new Date(start + i * 10_000));
    }
    const there = await attempt(user.username, PASSWORD, stranger);
    expect(!there.ok && there.message).toMatch(/Try again in 1[45] minutes/);
    // Elsewhere: no lock. One more failure there, and the next stranger waits seconds.
    expect(await attempt(user.username, 'wrong guess')).toEqual({
      ok: false,
      message: INVALID_SIGN_IN,
    });
    const elsewhere = await attempt(user.username);
    expect(!elsewhere.ok && elsewhere.message).toMatch(/Try again in \d+ seconds/);
    expect(browser.jar.size).toBe(0);
  });

  it("the owner's own address and known device are not held back by a stranger's failures", async () => {
    const user = await newUser();
    const home = unique('home');
    expect((await attempt(user.username, PASSWORD, home)).ok).toBe(true);
    await asStranger(async () => {
      for (let i = 0; i < PAIR; i++) await attempt(user.username, 'wrong guess', unique('bot'));
      expect((await attempt(user.username)).ok).toBe(false);
    });
    // From home, without the cookie: the address is known.
    await asStranger(async () => {
      expect((await attempt(user.username, PASSWORD, home)).ok).toBe(true);
    });
    // With the cookie, from an address never seen: the device is known.
    const travelling = await attempt(user.username, PASSWORD, unique('hotel'));
    expect(travelling).toMatchObject({ ok: true, failedSince: 0 });
  });

  it('a known device has its own failure budget: past it, it is a stranger again', async () => {
    const user = await newUser();
    expect((await attempt(user.username)).ok).toBe(true);
    for (let i = 0; i < DEVICE - 1; i++) {
      expect(await attempt(user.username, 'wrong guess')).toEqual({
        ok: false,
        message: INVALID_SIGN_IN,
      });
    }
    // One failure short of the budget, from fresh addresses: never slowed.
    expect((await attempt(user.username, 'wrong guess')).ok).toBe(false);
    const spent = await attempt(user.username);
    expect(!spent.ok && spent.message).toMatch(LOCKED);
  });

  it('tells how many attempts failed since the last sign-in, once', async () => {
    const user = await newUser();
    await asStranger(async () => {
      for (let i = 0; i < 3; i++) await attempt(user.username, 'wrong guess', unique('bot'));
    });
    // The stranger's three failures started the delay, which a known address skips.
    const home = unique('home');
    await rememberAddress(user.id, home);
    expect(await attempt(user.username, PASSWORD, home)).toMatchObject({
      ok: true,
      failedSince: 3,
    });
    expect(await attempt(user.username, PASSWORD, home)).toMatchObject({
      ok: true,
      failedSince: 0,
    });
  });

  it("a success clears that address's failures, not the stranger's elsewhere", async () => {
    const user = await newUser();
    const home = unique('home');
    await rememberAddress(user.id, home);
    for (let i = 0; i < PAIR - 1; i++) await attempt(user.username, 'typo', home);
    expect((await attempt(user.username, PASSWORD, home)).ok).toBe(true);
    await asStranger(async () => {
      expect(await attempt(user.username, 'typo', home)).toEqual({
        ok: false,
        message: INVALID_SIGN_IN,
      });
      expect((await attempt(user.username, PASSWORD, home)).ok).toBe(true);
    });
  });

  it('refuses an address over its per-minute limit before it looks at the account', async () => {
    const user = await newUser();
    const address = unique('busy');
    for (let i = 0; i < getConfig().THROTTLE_IP_PER_MINUTE; i++) await allowClientAttempt(address);
    expect(await attempt(user.username, PASSWORD, address)).toEqual({
      ok: false,
      message: TOO_MANY_FROM_ADDRESS,
    });
    expect(browser.jar.size).toBe(0);
  });

  it('hashes a password stored with earlier parameters again when it signs in, and nothing else', async () => {
    const user = await newUser();
    const earlier = await hash(PASSWORD, {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    const db = await getDb();
    await db.update(users).set({ passwordHash: earlier }).where(eq(users.id, user.id));
    const stored = async () =>
      (await db.select().from(users).where(eq(users.id, user.id)).limit(1))[0]!;
    const before = await stored();

    // A wrong password changes nothing.
    expect((await attempt(user.username, 'not the passphrase')).ok).toBe(false);
    expect((await stored()).passwordHash).toBe(earlier);

    expect((await attempt(user.username)).ok).toBe(true);
    const after = await stored();
    expect(after.passwordHash).not.toBe(earlier);
    expect(hashIsCurrent(after.passwordHash)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
    // Not a password change: its date (which pending sign-ins and sessions go by) stays.
    expect(after.passwordChangedAt).toEqual(before.passwordChangedAt);
    expect((await attempt(user.username)).ok).toBe(true);
    expect((await stored()).passwordHash).toBe(after.passwordHash);
  });
});
