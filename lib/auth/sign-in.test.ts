import crypto from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { createUser } from './accounts';
import { accountLock, allowClientAttempt } from './throttle';
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
// Each test its own address, so the per-address limit never trips by accident.
const attempt = (username: string, password = PASSWORD, address = unique('addr')) =>
  signIn({ username, password, remember: false, address });

async function newUser() {
  const user = await createUser(unique('si'), PASSWORD);
  if (!user) throw new Error('username taken');
  return user;
}

beforeAll(() => getDb().then(() => undefined));
beforeEach(() => browser.jar.clear());

describe('signIn', () => {
  it('starts a session for the right password', async () => {
    const user = await newUser();
    const result = await attempt(user.username.toUpperCase());
    expect(result).toEqual({ ok: true, user: { id: user.id, username: user.username } });
    expect(browser.jar.size).toBe(1);
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

  it('locks the account after too many failures, even for the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < getConfig().THROTTLE_ACCOUNT_FAILURES; i++) {
      await attempt(user.username, 'wrong guess');
    }
    expect((await accountLock(usernameKey(user.username))).locked).toBe(true);
    const result = await attempt(user.username);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Too many attempts for this account/);
    expect(browser.jar.size).toBe(0);
  });

  it('a success clears the failures counted so far', async () => {
    const user = await newUser();
    for (let i = 0; i < getConfig().THROTTLE_ACCOUNT_FAILURES - 1; i++) {
      await attempt(user.username, 'wrong guess');
    }
    expect((await attempt(user.username)).ok).toBe(true);
    expect((await attempt(user.username, 'wrong guess')).ok).toBe(false);
    expect((await accountLock(usernameKey(user.username))).locked).toBe(false);
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
});
