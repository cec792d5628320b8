import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { emailTokens } from '../db/security-schema';
import { updatePassword } from './accounts';
import {
  consumeEmailToken,
  countRecentTokens,
  createEmailToken,
  findEmailToken,
  hashEmailToken,
  RESET_LIFETIME_SECONDS,
} from './email-address-tokens';

// The first open migrates a new embedded database: slow on a busy machine.
beforeAll(() => getDb().then(() => undefined), 240_000);

async function newUser(): Promise<string> {
  const db = await getDb();
  const name = `et${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(users)
    .values({ username: name, usernameKey: name, passwordHash: 'x' })
    .returning({ id: users.id });
  return row!.id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('email tokens', () => {
  it('gives out 256 random bits and keeps only their SHA-256', async () => {
    const owner = await newUser();
    const token = await createEmailToken(owner, 'reset-password', RESET_LIFETIME_SECONDS);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await (
      await getDb()
    )
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.userId, owner));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashEmailToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const minutes = (rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(15, 3);
  });

  it('is used once, for its own purpose only', async () => {
    const owner = await newUser();
    const token = await createEmailToken(owner, 'verify-email', 60, 'ada@example.test');
    expect(await findEmailToken(token, 'reset-password')).toBeNull();
    expect(await consumeEmailToken(token, 'reset-password')).toBeNull();
    expect(await findEmailToken(token, 'verify-email')).toEqual({
      userId: owner,
      email: 'ada@example.test',
    });
    const results = await Promise.all([
      consumeEmailToken(token, 'verify-email'),
      consumeEmailToken(token, 'verify-email'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await findEmailToken(token, 'verify-email')).toBeNull();
    expect(await consumeEmailToken('x'.repeat(43), 'verify-email')).toBeNull();
    expect(await consumeEmailToken('not a token', 'verify-email')).toBeNull();
  });

  it('dies when it expires', async () => {
    const owner = await newUser();
    const token = await createEmailToken(owner, 'reset-password', 0.3);
    expect(await findEmailToken(token, 'reset-password')).not.toBeNull();
    await sleep(400);
    expect(await findEmailToken(token, 'reset-password')).toBeNull();
    expect(await consumeEmailToken(token, 'reset-password')).toBeNull();
  });

  it('dies when the password changes, even if the row is left behind', async () => {
    const owner = await newUser();
    const deleted = await createEmailToken(owner, 'reset-password', 900);
    await updatePassword(owner, 'a new password 123', '');
    // updatePassword deletes them; a row that outlived a change some other way is dead too.
    expect(await findEmailToken(deleted, 'reset-password')).toBeNull();
    const before = await createEmailToken(owner, 'reset-password', 900);
    await sleep(5);
    await (
      await getDb()
    )
      .update(users)
      .set({ passwordChangedAt: new Date(Date.now() + 1000) })
      .where(eq(users.id, owner));
    expect(await findEmailToken(before, 'reset-password')).toBeNull();
    expect(await consumeEmailToken(before, 'reset-password')).toBeNull();
  });

  it('counts the tokens sent recently that are still in the table', async () => {
    const owner = await newUser();
    const a = await createEmailToken(owner, 'reset-password', 900);
    await createEmailToken(owner, 'reset-password', 900);
    await createEmailToken(owner, 'verify-email', 900, 'a@b.test');
    await consumeEmailToken(a, 'reset-password');
    // A used token is gone: only the owner can use one, so a stranger's requests all count.
    expect(await countRecentTokens(owner, 'reset-password', 3600)).toBe(1);
    expect(await countRecentTokens(owner, 'verify-email', 3600)).toBe(1);
  });
});
