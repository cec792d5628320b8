import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { webauthnChallenges } from '../db/security-schema';
import { users } from '../db/schema';
import { CHALLENGE_TTL_SECONDS, storeChallenge, takeChallenge } from './webauthn-challenges';

beforeAll(() => getDb().then(() => undefined));

async function newUser(): Promise<string> {
  const db = await getDb();
  const name = `wa${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(users)
    .values({ username: name, usernameKey: name, passwordHash: 'x' })
    .returning({ id: users.id });
  return row!.id;
}

const challenge = () => `c${Math.random().toString(36).slice(2)}`;

describe('the WebAuthn challenge store', () => {
  it('gives a challenge back once, with its user; the table holds only the id’s hash', async () => {
    const userId = await newUser();
    const value = challenge();
    const id = await storeChallenge({ challenge: value, purpose: 'register', userId });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await (await getDb()).select().from(webauthnChallenges);
    expect(rows.some((r) => r.id === id)).toBe(false);
    expect(rows.some((r) => r.challenge === value && /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    expect(await takeChallenge(id, 'register')).toEqual({
      challenge: value,
      purpose: 'register',
      userId,
    });
    expect(await takeChallenge(id, 'register')).toBeNull();
  });

  it('lets one of two racing requests take it', async () => {
    const id = await storeChallenge({ challenge: challenge(), purpose: 'sign-in', userId: null });
    const taken = await Promise.all([takeChallenge(id, 'sign-in'), takeChallenge(id, 'sign-in')]);
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('refuses, and uses up, a challenge offered for another purpose', async () => {
    const userId = await newUser();
    const id = await storeChallenge({ challenge: challenge(), purpose: 'reauthenticate', userId });
    expect(await takeChallenge(id, 'sign-in')).toBeNull();
    expect(await takeChallenge(id, 'reauthenticate')).toBeNull();
  });

  it('refuses an expired challenge, and purges expired ones when storing', async () => {
    const long = new Date(Date.now() - (CHALLENGE_TTL_SECONDS + 1) * 1000);
    const stale = await storeChallenge(
      { challenge: challenge(), purpose: 'sign-in', userId: null },
      long,
    );
    const almost = new Date(Date.now() - (CHALLENGE_TTL_SECONDS - 30) * 1000);
    const live = await storeChallenge(
      { challenge: challenge(), purpose: 'sign-in', userId: null },
      almost,
    );
    expect(await takeChallenge(live, 'sign-in')).not.toBeNull();
    // A stale id that was not purged yet is refused all the same.
    const lingering = await storeChallenge(
      { challenge: challenge(), purpose: 'sign-in', userId: null },
      new Date(),
    );
    expect(
      await takeChallenge(
        lingering,
        'sign-in',
        new Date(Date.now() + (CHALLENGE_TTL_SECONDS + 1) * 1000),
      ),
    ).toBeNull();
    // Storing the last one (at "now") purged the first, which expired before now.
    const db = await getDb();
    const left = await db
      .select({ expiresAt: webauthnChallenges.expiresAt })
      .from(webauthnChallenges);
    expect(left.every((r) => r.expiresAt.getTime() > Date.now() - 1000)).toBe(true);
    expect(await takeChallenge(stale, 'sign-in')).toBeNull();
  });

  it('refuses ids that are not ours without touching the database', async () => {
    expect(await takeChallenge(undefined, 'sign-in')).toBeNull();
    expect(await takeChallenge('short', 'sign-in')).toBeNull();
    expect(await takeChallenge('x'.repeat(100_000), 'sign-in')).toBeNull();
  });
});
