import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { appPasswords, signInFailures, users } from '../db/schema';
import { createUser, deleteUser } from './accounts';
import {
  APP_PASSWORD_NAME_MAX,
  createAppPassword,
  hashAppPassword,
  listAppPasswords,
  revokeAllAppPasswords,
  revokeAppPassword,
  verifyBasicCredentials,
} from './app-passwords';
import { recordSignInFailure } from './throttle';
import { usernameKey } from './username';

// Names and addresses are unique per test: under `npm run test:postgres` files share a database.
const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
const PASSWORD = 'the account passphrase';
const SHAPE = /^[a-z2-7]{5}(-[a-z2-7]{5}){5}$/;

async function newUser() {
  const user = await createUser(unique('ap'), PASSWORD);
  if (!user) throw new Error('username taken');
  return user;
}

const storedRows = async (userId: string) =>
  (await getDb()).select().from(appPasswords).where(eq(appPasswords.userId, userId));

beforeAll(() => getDb().then(() => undefined));

describe('creating and listing', () => {
  it('makes a 150-bit secret in six groups of five and stores only its hash', async () => {
    const user = await newUser();
    const made = await createAppPassword(user.id, '  iPhone  ');
    expect(made.name).toBe('iPhone');
    expect(made.secret).toMatch(SHAPE);
    const [row] = await storedRows(user.id);
    expect(row!.secretHash).toBe(hashAppPassword(made.secret));
    expect(row!.secretHash).not.toContain(made.secret.replaceAll('-', ''));
    const other = await createAppPassword(user.id, 'Thunderbird at work');
    expect(other.secret).not.toBe(made.secret);
  });

  it('lists the user’s own passwords, newest first, without any secret or hash', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const first = await createAppPassword(user.id, 'iPhone');
    const second = await createAppPassword(user.id, 'Laptop');
    await createAppPassword(stranger.id, 'Not yours');
    const list = await listAppPasswords(user.id);
    expect(list.map((p) => p.name)).toEqual(['Laptop', 'iPhone']);
    expect(list.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(list[0]).toEqual({
      id: second.id,
      name: 'Laptop',
      createdAt: expect.any(Date),
      lastUsedAt: null,
      lastUsedFrom: null,
    });
  });

  it('refuses an empty or over-long name', async () => {
    const user = await newUser();
    await expect(createAppPassword(user.id, '   ')).rejects.toThrow(/1 to 64/);
    await expect(
      createAppPassword(user.id, 'x'.repeat(APP_PASSWORD_NAME_MAX + 1)),
    ).rejects.toThrow();
    const longest = await createAppPassword(user.id, 'é'.repeat(APP_PASSWORD_NAME_MAX));
    expect(longest.name).toHaveLength(APP_PASSWORD_NAME_MAX);
  });
});

describe('hashAppPassword', () => {
  it('ignores dashes, whitespace and case, and is SHA-256 hex of the normalised secret', () => {
    const secret = 'abcde-fghij-klmno-pqrst-uvwxy-z2345';
    const plain = secret.replaceAll('-', '');
    const expected = crypto.createHash('sha256').update(plain).digest('hex');
    expect(hashAppPassword(secret)).toBe(expected);
    expect(hashAppPassword(plain.toUpperCase())).toBe(expected);
    expect(hashAppPassword(' abcde fghij\tklmno-pqrst uvwxy-z2345\n')).toBe(expected);
    expect(hashAppPassword('abcde-fghij-klmno-pqrst-uvwxy-z2346')).not.toBe(expected);
  });
});

describe('verifyBasicCredentials', () => {
  it('accepts the username with an app password, however the secret is typed', async () => {
    const user = await newUser();
    const { id, secret } = await createAppPassword(user.id, 'iPhone');
    const expected = {
      ok: true,
      userId: user.id,
      username: user.username,
      usernameKey: user.usernameKey,
      appPasswordId: id,
    };
    expect(await verifyBasicCredentials(user.username, secret, unique('addr'))).toEqual(expected);
    const typed = secret.replaceAll('-', ' ').toUpperCase();
    expect(
      await verifyBasicCredentials(user.username.toUpperCase(), typed, unique('addr')),
    ).toEqual(expected);
  });

  it('never accepts the account password', async () => {
    const user = await newUser();
    await createAppPassword(user.id, 'iPhone');
    expect(await verifyBasicCredentials(user.username, PASSWORD, unique('addr'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses another account’s app password, an unknown user and a wrong secret', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const theirs = await createAppPassword(stranger.id, 'Theirs');
    const mine = await createAppPassword(user.id, 'Mine');
    const invalid = { ok: false, reason: 'invalid' };
    expect(await verifyBasicCredentials(user.username, theirs.secret, unique('a'))).toEqual(
      invalid,
    );
    expect(await verifyBasicCredentials(unique('nobody'), mine.secret, unique('a'))).toEqual(
      invalid,
    );
    const wrong = mine.secret.slice(0, -1) + (mine.secret.endsWith('a') ? 'b' : 'a');
    expect(await verifyBasicCredentials(user.username, wrong, unique('a'))).toEqual(invalid);
    expect(await verifyBasicCredentials('x'.repeat(500), mine.secret, unique('a'))).toEqual(
      invalid,
    );
  });

  it('refuses a revoked password at once, and revoking is the owner’s alone', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const { id, secret } = await createAppPassword(user.id, 'iPhone');
    const kept = await createAppPassword(user.id, 'Laptop');
    expect((await verifyBasicCredentials(user.username, secret, unique('a'))).ok).toBe(true);
    expect(await revokeAppPassword(stranger.id, id)).toBeNull();
    expect((await verifyBasicCredentials(user.username, secret, unique('a'))).ok).toBe(true);
    expect(await revokeAppPassword(user.id, id)).toBe('iPhone');
    expect(await verifyBasicCredentials(user.username, secret, unique('a'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await revokeAppPassword(user.id, id)).toBeNull();
    expect(await revokeAppPassword(user.id, 'not-a-uuid')).toBeNull();
    expect((await listAppPasswords(user.id)).map((p) => p.id)).toEqual([kept.id]);
  });

  it('revokes them all, and only the user’s', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const a = await createAppPassword(user.id, 'One');
    await createAppPassword(user.id, 'Two');
    const theirs = await createAppPassword(stranger.id, 'Theirs');
    expect(await revokeAllAppPasswords(user.id)).toBe(2);
    expect(await listAppPasswords(user.id)).toEqual([]);
    expect((await verifyBasicCredentials(user.username, a.secret, unique('a'))).ok).toBe(false);
    expect((await verifyBasicCredentials(stranger.username, theirs.secret, unique('a'))).ok).toBe(
      true,
    );
    expect(await revokeAllAppPasswords(user.id)).toBe(0);
  });

  it('goes with the account when the account is deleted', async () => {
    const user = await newUser();
    const { secret } = await createAppPassword(user.id, 'iPhone');
    await deleteUser(user.id);
    expect(await storedRows(user.id)).toEqual([]);
    expect((await verifyBasicCredentials(user.username, secret, unique('a'))).ok).toBe(false);
  });
});

describe('the shared sign-in throttle', () => {
  it('records each failure with its address, for the web sign-in throttle and the notice', async () => {
    const user = await newUser();
    await createAppPassword(user.id, 'iPhone');
    const key = usernameKey(user.username);
    const failures = async () =>
      (await getDb()).select().from(signInFailures).where(eq(signInFailures.usernameKey, key));
    const address = unique('a');
    await verifyBasicCredentials(user.username, PASSWORD, address);
    await verifyBasicCredentials(user.username, 'wrong-guess', address);
    expect((await failures()).map((f) => f.clientAddress)).toEqual([address, address]);
    const [row] = await (await getDb()).select().from(users).where(eq(users.id, user.id));
    expect(row!.failedSignIns).toBe(2);
  });

  it('refuses even the right app password from a locked (username, address) pair only', async () => {
    const user = await newUser();
    const { secret } = await createAppPassword(user.id, 'iPhone');
    const key = usernameKey(user.username);
    const stranger = unique('stranger');
    // Failures from the web sign-in form count just the same.
    for (let i = 0; i < getConfig().THROTTLE_PAIR_FAILURES; i++) {
      await recordSignInFailure(key, { address: stranger });
    }
    const result = await verifyBasicCredentials(user.username, secret, stranger);
    expect(result).toEqual({ ok: false, reason: 'throttled', retryAt: expect.any(Date) });
    expect(!result.ok && result.retryAt!.getTime()).toBeGreaterThan(Date.now());
    // The owner's phone elsewhere syncs on: no account-wide lock, and no account-wide delay.
    expect((await verifyBasicCredentials(user.username, secret, unique('phone'))).ok).toBe(true);
    // Once the window has passed, the stranger's address may try again.
    const later = new Date(Date.now() + 2 * getConfig().THROTTLE_PAIR_WINDOW * 1000);
    expect((await verifyBasicCredentials(user.username, secret, stranger, later)).ok).toBe(true);
  });

  it('counts failures per client address, but not successes', async () => {
    const user = await newUser();
    const { secret } = await createAppPassword(user.id, 'iPhone');
    const address = unique('busy');
    const limit = getConfig().THROTTLE_IP_PER_MINUTE;
    // A sync is many requests: more successes than the limit are all let through.
    for (let i = 0; i < limit + 5; i++) {
      expect((await verifyBasicCredentials(user.username, secret, address)).ok).toBe(true);
    }
    // Failures for many different names (none locks an account) hit the address limit.
    for (let i = 0; i < limit; i++) {
      expect(await verifyBasicCredentials(unique('spray'), secret, address)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const over = await verifyBasicCredentials(unique('spray'), secret, address);
    expect(over).toMatchObject({ ok: false, reason: 'throttled' });
    // Another address is not affected.
    expect(await verifyBasicCredentials(unique('spray'), secret, unique('calm'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('last used', () => {
  it('records when and from where, at most once a minute', async () => {
    const user = await newUser();
    const { id, secret } = await createAppPassword(user.id, 'iPhone');
    const t0 = new Date(Date.now() + 1000);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const lastUse = async () => {
      const [p] = (await listAppPasswords(user.id)).filter((p) => p.id === id);
      return { at: p!.lastUsedAt?.getTime(), from: p!.lastUsedFrom };
    };
    expect(await lastUse()).toEqual({ at: undefined, from: null });
    await verifyBasicCredentials(user.username, secret, '192.0.2.1', t0);
    expect(await lastUse()).toEqual({ at: t0.getTime(), from: '192.0.2.1' });
    await verifyBasicCredentials(user.username, secret, '192.0.2.2', at(59));
    expect(await lastUse()).toEqual({ at: t0.getTime(), from: '192.0.2.1' });
    await verifyBasicCredentials(user.username, secret, '192.0.2.3', at(60));
    expect(await lastUse()).toEqual({ at: at(60).getTime(), from: '192.0.2.3' });
    // A failure is not a use.
    await verifyBasicCredentials(user.username, PASSWORD, '192.0.2.4', at(200));
    expect(await lastUse()).toEqual({ at: at(60).getTime(), from: '192.0.2.3' });
  });
});
