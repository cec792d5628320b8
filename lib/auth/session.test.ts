import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealData } from 'iron-session';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getConfig, sealPasswords } from '../config';
import { getDb } from '../db/client';
import { contacts, sessions } from '../db/schema';
import { createUser, deleteUser, updatePassword } from './accounts';
import {
  createSession,
  endCurrentSession,
  hashToken,
  listSessions,
  requireSession,
  revokeOtherSessions,
  revokeSession,
  verifySession,
} from './session';
import { unsealSessionToken } from './session-cookie';

// A stand-in for next/headers: one cookie jar and one set of request headers, like one browser.
type Cookie = { value: string; options?: Record<string, unknown> };
const browser = vi.hoisted(() => ({
  jar: new Map<string, Cookie>(),
  headers: new Headers(),
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      const cookie = browser.jar.get(name);
      return cookie ? { name, value: cookie.value } : undefined;
    },
    set: (name: string, value: string, options?: Record<string, unknown>) => {
      browser.jar.set(name, { value, options });
    },
    delete: (name: string) => {
      browser.jar.delete(name);
    },
  }),
  headers: async () => browser.headers,
}));

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

function newBrowser(headers: Record<string, string> = {}) {
  browser.jar = new Map();
  browser.headers = new Headers({ 'user-agent': CHROME_LINUX, ...headers });
}

async function newUser() {
  const user = await createUser(`s_${crypto.randomBytes(5).toString('hex')}`, 'a long passphrase');
  if (!user) throw new Error('username taken');
  return user;
}

/** Signs a fresh browser in as the user; returns the browser's jar and its session. */
async function signedIn(userId: string, remember = false) {
  newBrowser();
  await createSession(userId, remember);
  const session = await verifySession();
  if (!session) throw new Error('not signed in');
  return { jar: browser.jar, session };
}

async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

async function setTimes(id: string, times: { lastSeenAt?: Date; expiresAt?: Date }) {
  await (await getDb()).update(sessions).set(times).where(eq(sessions.id, id));
}

// Opening (and migrating) a fresh database takes seconds on a busy machine: not a test's time.
beforeAll(() => getDb().then(() => undefined));
beforeEach(() => newBrowser());

describe('createSession', () => {
  it('sets a sealed HttpOnly, SameSite=Lax browser-session cookie; the database keeps only a hash', async () => {
    const user = await newUser();
    await createSession(user.id, false);
    const cookie = browser.jar.get('cc_session')!;
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(cookie.options?.secure).toBe(false);
    expect(cookie.options?.maxAge).toBeUndefined();
    const token = (await unsealSessionToken(cookie.value, getConfig()))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.value).not.toContain(token);
    const row = (await sessionRow(hashToken(token)))!;
    expect(row.userId).toBe(user.id);
    expect(row.userAgent).toBe(CHROME_LINUX);
    expect(row.remember).toBe(false);
    expect(row.idleTimeoutSeconds).toBe(30 * 60);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(12 * 3600 * 1000 - 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000);
    expect(await verifySession()).toEqual({
      user: { id: user.id, username: user.username },
      sessionId: hashToken(token),
      authenticatedAt: row.authenticatedAt,
    });
  });

  it('with "remember me", keeps the cookie 30 days and allows 7 days idle', async () => {
    const user = await newUser();
    const { jar, session } = await signedIn(user.id, true);
    expect(jar.get('cc_session')!.options?.maxAge).toBe(30 * 24 * 3600);
    const row = (await sessionRow(session.sessionId))!;
    expect(row.remember).toBe(true);
    expect(row.idleTimeoutSeconds).toBe(7 * 24 * 3600);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(30 * 24 * 3600 * 1000 - 60_000);
  });

  it('over https names the cookie __Host-cc_session and marks it Secure', async () => {
    const user = await newUser();
    newBrowser({ 'x-forwarded-proto': 'https' });
    await createSession(user.id, false);
    expect(browser.jar.has('cc_session')).toBe(false);
    expect(browser.jar.get('__Host-cc_session')!.options).toMatchObject({
      secure: true,
      path: '/',
    });
    expect(await verifySession()).not.toBeNull();
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    const user = await newUser();
    const { session: first } = await signedIn(user.id);
    await createSession(user.id, false);
    const second = (await verifySession())!;
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await sessionRow(first.sessionId)).toBeUndefined();
  });
});

describe('verifySession', () => {
  it('is null without a cookie, or with a tampered, forged or expired one', async () => {
    expect(await verifySession()).toBeNull();
    const user = await newUser();
    const { jar } = await signedIn(user.id);
    const sealed = jar.get('cc_session')!.value;
    const flip = sealed[50] === 'A' ? 'B' : 'A';
    jar.set('cc_session', { value: sealed.slice(0, 50) + flip + sealed.slice(51) });
    expect(await verifySession()).toBeNull();
    const token = crypto.randomBytes(32).toString('base64url');
    jar.set('cc_session', {
      value: await sealData(
        { token },
        { password: 'another-password-at-least-32-characters-long' },
      ),
    });
    expect(await verifySession()).toBeNull();
    // A valid token in a seal that expired (beyond iron's 60-second clock skew).
    const { session } = await signedIn(user.id);
    const real = (await unsealSessionToken(browser.jar.get('cc_session')!.value, getConfig()))!;
    expect(hashToken(real)).toBe(session.sessionId);
    browser.jar.set('cc_session', {
      value: await sealData({ token: real }, { password: sealPasswords(), ttl: -120 }),
    });
    expect(await verifySession()).toBeNull();
  });

  it('ends a session idle longer than its idle timeout', async () => {
    const user = await newUser();
    const { session } = await signedIn(user.id);
    await setTimes(session.sessionId, { lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) });
    expect(await verifySession()).toBeNull();
    expect(await sessionRow(session.sessionId)).toBeUndefined();
  });

  it('ends a session past its absolute expiry, however active', async () => {
    const user = await newUser();
    const { session } = await signedIn(user.id);
    await setTimes(session.sessionId, { expiresAt: new Date(Date.now() - 1000) });
    expect(await verifySession()).toBeNull();
    expect(await sessionRow(session.sessionId)).toBeUndefined();
  });

  it('writes last-seen at most once a minute', async () => {
    const user = await newUser();
    const { session } = await signedIn(user.id);
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await setTimes(session.sessionId, { lastSeenAt: thirtySecondsAgo });
    await verifySession();
    expect((await sessionRow(session.sessionId))!.lastSeenAt).toEqual(thirtySecondsAgo);
    await setTimes(session.sessionId, { lastSeenAt: new Date(Date.now() - 90_000) });
    await verifySession();
    const seen = (await sessionRow(session.sessionId))!.lastSeenAt.getTime();
    expect(Date.now() - seen).toBeLessThan(5_000);
  });

  it('requireSession redirects to /login when signed out', async () => {
    await expect(requireSession()).rejects.toMatchObject({
      digest: expect.stringContaining('/login'),
    });
  });
});

describe('ending sessions', () => {
  it('endCurrentSession deletes the row and the cookie', async () => {
    const user = await newUser();
    const { jar, session } = await signedIn(user.id);
    const copy = jar.get('cc_session')!.value;
    expect(await endCurrentSession()).toEqual({ id: user.id, username: user.username });
    expect(jar.has('cc_session')).toBe(false);
    expect(await sessionRow(session.sessionId)).toBeUndefined();
    jar.set('cc_session', { value: copy }); // a replayed copy
    expect(await verifySession()).toBeNull();
  });

  it('revokeSession only ends sessions of the user it is given', async () => {
    const alice = await newUser();
    const mallory = await newUser();
    const { session: aliceSession } = await signedIn(alice.id);
    expect(await revokeSession(mallory.id, aliceSession.sessionId)).toBe(false);
    expect(await sessionRow(aliceSession.sessionId)).toBeDefined();
    expect(await revokeSession(alice.id, aliceSession.sessionId)).toBe(true);
    expect(await sessionRow(aliceSession.sessionId)).toBeUndefined();
  });

  it('lists live sessions, marks the current one, and revokes the others', async () => {
    const user = await newUser();
    const { session: a } = await signedIn(user.id);
    const { session: b } = await signedIn(user.id);
    const { session: idle } = await signedIn(user.id);
    await setTimes(idle.sessionId, { lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) });
    const { session: current } = await signedIn(user.id);
    const listed = await listSessions(current);
    expect(listed.map((s) => s.id).sort()).toEqual(
      [a.sessionId, b.sessionId, current.sessionId].sort(),
    );
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([current.sessionId]);
    expect(listed[0]!.userAgent).toBe(CHROME_LINUX);
    // The idle one went at the last sign-in (housekeeping); the two live others go now.
    expect(await sessionRow(idle.sessionId)).toBeUndefined();
    expect(await revokeOtherSessions(user.id, current.sessionId)).toBe(2);
    expect((await listSessions(current)).map((s) => s.id)).toEqual([current.sessionId]);
  });

  it('a password change ends every other session of the user, and only those', async () => {
    const user = await newUser();
    const bystander = await newUser();
    const { session: elsewhere } = await signedIn(user.id);
    const { session: theirs } = await signedIn(bystander.id);
    const { session: current } = await signedIn(user.id);
    expect(await updatePassword(user.id, 'a new long passphrase', current.sessionId)).toBe(1);
    expect(await sessionRow(elsewhere.sessionId)).toBeUndefined();
    expect(await sessionRow(current.sessionId)).toBeDefined();
    expect(await sessionRow(theirs.sessionId)).toBeDefined();
  });

  it('deleting the user deletes their sessions and contacts', async () => {
    const user = await newUser();
    const { session } = await signedIn(user.id);
    const db = await getDb();
    await db
      .insert(contacts)
      .values({ ownerId: user.id, uid: 'urn:uuid:ada', href: 'ada.vcf', displayName: 'Ada' });
    await deleteUser(user.id);
    expect(await sessionRow(session.sessionId)).toBeUndefined();
    expect(await db.select().from(contacts).where(eq(contacts.ownerId, user.id))).toEqual([]);
    expect(await verifySession()).toBeNull();
  });
});

describe('housekeeping', () => {
  it("a sign-in deletes the user's sessions that have run out", async () => {
    const user = await newUser();
    const { session: idle } = await signedIn(user.id);
    const { session: expired } = await signedIn(user.id);
    const { session: live } = await signedIn(user.id);
    await setTimes(idle.sessionId, { lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) });
    await setTimes(expired.sessionId, { expiresAt: new Date(Date.now() - 1000) });
    await signedIn(user.id);
    expect(await sessionRow(idle.sessionId)).toBeUndefined();
    expect(await sessionRow(expired.sessionId)).toBeUndefined();
    expect(await sessionRow(live.sessionId)).toBeDefined();
  });
});
