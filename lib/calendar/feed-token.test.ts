import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteUser } from '../auth/accounts';
import { newOwner } from '../contacts/store/test-helpers';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import {
  createCalendarToken,
  hasCalendarToken,
  hashCalendarToken,
  revokeCalendarToken,
  userIdForCalendarToken,
} from './feed-token';

async function storedHash(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ hash: users.calendarTokenHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.hash;
}

// Opening (and migrating) the file's database is slow on a busy machine: a hook has the time.
beforeAll(async () => {
  await getDb();
});

describe('calendar feed tokens', () => {
  it('makes a 256-bit base64url secret, stores only its SHA-256 and finds its owner', async () => {
    const owner = await newOwner('feedtok');
    expect(await hasCalendarToken(owner)).toBe(false);
    const token = await createCalendarToken(owner);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const hash = await storedHash(owner);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashCalendarToken(token));
    expect(hash).not.toContain(token);
    expect(await hasCalendarToken(owner)).toBe(true);
    expect(await userIdForCalendarToken(token)).toBe(owner);
  });

  it('gives every user and every call a different secret; a new one replaces the old', async () => {
    const a = await newOwner('feedtok');
    const b = await newOwner('feedtok');
    const first = await createCalendarToken(a);
    const second = await createCalendarToken(a);
    const other = await createCalendarToken(b);
    expect(new Set([first, second, other]).size).toBe(3);
    expect(await userIdForCalendarToken(first)).toBeNull();
    expect(await userIdForCalendarToken(second)).toBe(a);
    expect(await userIdForCalendarToken(other)).toBe(b);
  });

  it('revokes: the token finds no one and the user has no feed', async () => {
    const owner = await newOwner('feedtok');
    const token = await createCalendarToken(owner);
    await revokeCalendarToken(owner);
    expect(await userIdForCalendarToken(token)).toBeNull();
    expect(await hasCalendarToken(owner)).toBe(false);
    expect(await storedHash(owner)).toBeNull();
    // Revoking twice is harmless.
    await revokeCalendarToken(owner);
  });

  it('finds no one for malformed, altered or foreign-looking tokens', async () => {
    const owner = await newOwner('feedtok');
    const token = await createCalendarToken(owner);
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const guess of [
      '',
      'x',
      flipped,
      `${token}=`,
      ` ${token}`,
      token.slice(0, 42),
      hashCalendarToken(token),
    ]) {
      expect(await userIdForCalendarToken(guess)).toBeNull();
    }
  });

  it('goes with the account', async () => {
    const owner = await newOwner('feedtok');
    const token = await createCalendarToken(owner);
    await deleteUser(owner);
    expect(await userIdForCalendarToken(token)).toBeNull();
    await expect(createCalendarToken(owner)).rejects.toThrow();
  });
});
