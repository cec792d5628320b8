import 'server-only';
import crypto from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { recoveryCodes } from '../db/security-schema';

/**
 * Recovery codes: ten single-use codes shown once, for when the phone with the one-time codes is
 * lost, or (without mail) the password is forgotten. Each is 24 base32 symbols (120 random bits)
 * in six groups of four. Only SHA-256 is stored: ASVS 5.0 6.5.2 allows an unsalted fast hash for
 * lookup secrets of 112 bits or more, which no leaked table can be brute-forced back from.
 */
const RECOVERY_CODE_COUNT = 10;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const LENGTH = 24;
const SHAPE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/** Spaces and dashes go, case folds: "ABCD-efgh ijkl-mnop" is what the owner may type. */
function normalise(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toLowerCase();
}

const hash = (normalised: string) =>
  crypto.createHash('sha256').update(normalised, 'utf8').digest('hex');

function newCode(): string {
  // 256 is a multiple of 32: `byte & 31` picks every symbol with the same probability.
  const symbols = [...crypto.randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]!).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** Replaces the user's codes with ten new ones, returned here once and never stored. */
export async function createRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hash(normalise(code)) })));
  });
  return codes;
}

/**
 * Uses up one code: true once for each code, false for anything else (the update is atomic,
 * so two requests racing with the same code cannot both succeed). Throttling is the caller's.
 */
export async function consumeRecoveryCode(userId: string, typed: string): Promise<boolean> {
  const normalised = normalise(typed.slice(0, 100));
  if (!SHAPE.test(normalised)) return false;
  const db = await getDb();
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hash(normalised)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

/** How many of the user's codes are still unused (0 also when none were ever made). */
export async function unusedRecoveryCodes(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Removes every code (when one-time codes are turned off). */
export async function deleteRecoveryCodes(userId: string): Promise<void> {
  const db = await getDb();
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
