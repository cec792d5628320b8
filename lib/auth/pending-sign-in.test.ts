import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { createUser } from './accounts';
import { createRecoveryCodes } from './recovery-codes';
import { listSecurityEvents } from './security-log';
import { SIGN_IN_TIMED_OUT, signIn, signInSecondStep } from './sign-in';
import { enableTotp, newTotpSecret, WRONG_CODE } from './totp';

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

const PASSWORD = 'a long passphrase';
const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
const step = () => Math.floor(Date.now() / 30_000);

async function userWithCodes() {
  const user = (await createUser(unique('ps'), PASSWORD))!;
  const secret = newTotpSecret();
  await enableTotp(user.id, secret, step() - 2);
  const code = (at = step()) => new OTPAuth.TOTP({ secret }).generate({ timestamp: at * 30_000 });
  return { user, code };
}

beforeAll(() => getDb().then(() => undefined));
beforeEach(() => browser.jar.clear());

describe('the sign-in second step', () => {
  it('makes no session for the right password alone: only a pending sign-in, then a code signs in', async () => {
    const { user, code } = await userWithCodes();
    const address = unique('addr');
    const first = await signIn({
      username: user.username,
      password: PASSWORD,
      remember: true,
      address,
      next: '/contacts',
    });
    expect(first).toEqual({ ok: 'code-needed' });
    expect([...browser.jar.keys()]).toEqual(['cc_pending_sign_in']);
    expect(await signInSecondStep({ method: 'totp', code: '000000', address })).toEqual({
      ok: false,
      message: WRONG_CODE,
    });
    expect(browser.jar.has('cc_session')).toBe(false);
    const done = await signInSecondStep({ method: 'totp', code: code(), address });
    expect(done).toMatchObject({ ok: true, next: '/contacts', failedSince: 1 });
    expect([...browser.jar.keys()].sort()).toEqual(['cc_device', 'cc_session']);
    const kinds = (await listSecurityEvents(user.id)).map((e) => `${e.kind} ${e.detail}`);
    expect(kinds).toContain('sign-in with a one-time code');
    expect(kinds).toContain('sign-in-failures 1 failed sign-in attempt since your last visit.');
    // The pending sign-in is spent.
    expect(await signInSecondStep({ method: 'totp', code: code(step() + 1), address })).toEqual({
      ok: false,
      message: SIGN_IN_TIMED_OUT,
      expired: true,
    });
  });

  it('takes a recovery code, and logs it', async () => {
    const { user } = await userWithCodes();
    const [recovery] = await createRecoveryCodes(user.id);
    const address = unique('addr');
    await signIn({ username: user.username, password: PASSWORD, remember: false, address });
    const done = await signInSecondStep({ method: 'recovery', code: recovery!, address });
    expect(done).toMatchObject({ ok: true, next: '', recoveryCodesLeft: 9 });
    const kinds = (await listSecurityEvents(user.id)).map((e) => `${e.kind} ${e.detail}`);
    expect(kinds).toContain('sign-in with a recovery code');
    expect(kinds).toContain('recovery-code-used 9 left');
  });

  it('keeps a long return path that fits a cookie, and drops a longer one', async () => {
    const { user, code } = await userWithCodes();
    const address = unique('addr');
    for (const [next, kept] of [
      [`/contacts?q=${'a'.repeat(1000)}`, true],
      [`/contacts?q=${'a'.repeat(2000)}`, false],
    ] as const) {
      await signIn({ username: user.username, password: PASSWORD, remember: false, address, next });
      const at = step() + (kept ? 0 : 1);
      expect(await signInSecondStep({ method: 'totp', code: code(at), address })).toMatchObject({
        ok: true,
        next: kept ? next : '',
      });
    }
  });

  it('ends the pending sign-in when the password changes meanwhile', async () => {
    const { user, code } = await userWithCodes();
    const address = unique('addr');
    await signIn({ username: user.username, password: PASSWORD, remember: false, address });
    await (
      await getDb()
    )
      .update(users)
      .set({ passwordChangedAt: sql`now() + interval '1 second'` })
      .where(eq(users.id, user.id));
    expect(await signInSecondStep({ method: 'totp', code: code(), address })).toMatchObject({
      ok: false,
      expired: true,
    });
    expect(browser.jar.size).toBe(0);
  });
});
