import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { sessions, users, type User } from '../db/schema';
import { emailTokens } from '../db/security-schema';
import { hashPassword } from './passwords';
import { recordSessionEndings } from './session-endings';
import { usernameKey } from './username';

export async function getUserByUsername(typed: string): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.usernameKey, usernameKey(typed)))
    .limit(1);
  return user;
}

export async function getUserById(id: string): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** Creates an account; null when the username (after normalization) is taken. */
export async function createUser(typedUsername: string, password: string): Promise<User | null> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const [user] = await db
    .insert(users)
    .values({
      username: typedUsername.normalize('NFC'),
      usernameKey: usernameKey(typedUsername),
      passwordHash,
    })
    .onConflictDoNothing({ target: users.usernameKey })
    .returning();
  return user ?? null;
}

/**
 * Hashes an unchanged password again with today's parameters (lib/auth/passwords.ts): not a
 * password change, so sessions, reset links and the password's date stay as they are. Only when
 * the stored hash is still the one that was verified, so a change made meanwhile is never undone.
 */
export async function rehashPassword(user: Pick<User, 'id' | 'passwordHash'>, password: string) {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}

/** Sets a new password and ends every other session, in one transaction; returns how many ended. */
export async function updatePassword(
  userId: string,
  password: string,
  keepSessionId: string,
): Promise<number> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const ended = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    // A reset link sent before the change is dead (issue 15).
    await tx
      .delete(emailTokens)
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'reset-password')));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
      .returning({ id: sessions.id });
    return ended.map((row) => row.id);
  });
  recordSessionEndings(ended, 'password');
  return ended.length;
}

/** Deletes the account; its sessions and contacts go with it (ON DELETE CASCADE). */
export async function deleteUser(userId: string): Promise<void> {
  await (await getDb()).delete(users).where(eq(users.id, userId));
}
