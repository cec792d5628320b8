import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { emailTokens } from '../db/security-schema';

/**
 * Tokens for links sent by mail (or printed by the operator): email verification and password
 * reset. Each is 256 random bits (base64url, 43 characters) given out once; only its SHA-256 is
 * stored (a fast hash is right for 256 random bits: nothing to brute-force), so a leaked table
 * or backup holds no working link. Single use: taken with one DELETE … RETURNING, so two racing
 * requests cannot both use it. Times are the database's (now()), the same clock that stamps
 * users.password_changed_at, which a reset token must postdate.
 */
export type EmailTokenPurpose = 'verify-email' | 'reset-password';

export const RESET_LIFETIME_SECONDS = 15 * 60;
export const VERIFY_LIFETIME_SECONDS = 24 * 60 * 60;

/** What a token can look like; anything else is refused before a hash or a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashEmailToken = (token: string): string =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex');

export interface TokenRow {
  userId: string;
  email: string | null;
}

/** A new token for the user, returned once; `lifetimeSeconds` from now (database clock). */
export async function createEmailToken(
  userId: string,
  purpose: EmailTokenPurpose,
  lifetimeSeconds: number,
  email: string | null = null,
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const db = await getDb();
  // Housekeeping on the owner's rows: expired over a day ago, they count for nothing any more.
  await db
    .delete(emailTokens)
    .where(
      and(eq(emailTokens.userId, userId), lt(emailTokens.expiresAt, sql`now() - interval '1 day'`)),
    );
  await db.insert(emailTokens).values({
    tokenHash: hashEmailToken(token),
    userId,
    purpose,
    email,
    expiresAt: sql`now() + make_interval(secs => ${lifetimeSeconds})`,
  });
  return token;
}

/** How many tokens of this purpose the user was sent in the last `seconds` and has not used. */
export async function countRecentTokens(
  userId: string,
  purpose: EmailTokenPurpose,
  seconds: number,
): Promise<number> {
  const [row] = await (
    await getDb()
  )
    .select({ n: sql<number>`count(*)::int` })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, purpose),
        gt(emailTokens.createdAt, sql`now() - make_interval(secs => ${seconds})`),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The live token's row (right purpose, not expired; a reset token also made after the last
 * password change), without using it up: for showing a form. Null for anything else.
 */
export async function findEmailToken(
  token: string,
  purpose: EmailTokenPurpose,
): Promise<TokenRow | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await (
    await getDb()
  )
    .select({ userId: emailTokens.userId, email: emailTokens.email })
    .from(emailTokens)
    .innerJoin(users, eq(users.id, emailTokens.userId))
    .where(live(hashEmailToken(token), purpose))
    .limit(1);
  return row ?? null;
}

/** Uses the token up: its row once, null for a dead, unknown or already used token. */
export async function consumeEmailToken(
  token: string,
  purpose: EmailTokenPurpose,
): Promise<TokenRow | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashEmailToken(token);
  const [row] = await (
    await getDb()
  )
    .delete(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, hash),
        sql`exists (select 1 from ${users} where ${users.id} = ${emailTokens.userId} and ${liveCondition(purpose)})`,
      ),
    )
    .returning({ userId: emailTokens.userId, email: emailTokens.email });
  return row ?? null;
}

/** A row of email_tokens joined to its user that can still be used for `purpose`. */
function live(hash: string, purpose: EmailTokenPurpose) {
  return and(eq(emailTokens.tokenHash, hash), liveCondition(purpose));
}

function liveCondition(purpose: EmailTokenPurpose) {
  return and(
    eq(emailTokens.purpose, purpose),
    gt(emailTokens.expiresAt, sql`now()`),
    // A reset link minted before the password last changed is dead (issue 15), even if
    // something other than updatePassword (which deletes them) changed it.
    purpose === 'reset-password' ? gt(emailTokens.createdAt, users.passwordChangedAt) : undefined,
  );
}

/** Removes the user's tokens of one purpose (e.g. every verification link once one is used). */
export async function deleteEmailTokens(userId: string, purpose: EmailTokenPurpose): Promise<void> {
  await (
    await getDb()
  )
    .delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)));
}
