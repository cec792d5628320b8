import 'server-only';
import { and, asc, count, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { passkeys, type Passkey } from '../db/security-schema';

/**
 * The passkeys table, and the security boundary for it: every read and write takes the owner's
 * id and filters by it, except findPasskeyForSignIn, where the credential itself names its owner
 * (a discoverable sign-in asks for no username) and the signature then proves it.
 */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** Synced to the person's other devices by their password manager or platform. */
  backedUp: boolean;
}

/** The user's passkeys, oldest first. */
export async function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  const db = await getDb();
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      backedUp: passkeys.backedUp,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** How many passkeys the user has. */
export async function countPasskeys(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

export interface CredentialDescriptor {
  id: string;
  transports?: string[];
}

function transportsOf(stored: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.every((t) => typeof t === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The user's credentials as WebAuthn names them (for excludeCredentials and allowCredentials). */
export async function listCredentialDescriptors(userId: string): Promise<CredentialDescriptor[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
  return rows.map((r) => ({ id: r.id, transports: transportsOf(r.transports) }));
}

/** The passkey with this credential id, whoever owns it: only for a sign-in, see above. */
export async function findPasskeyForSignIn(credentialId: string): Promise<Passkey | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(passkeys)
    .where(eq(passkeys.credentialId, credentialId))
    .limit(1);
  return row;
}

/** The user's own passkey with this credential id. */
export async function findOwnPasskey(
  userId: string,
  credentialId: string,
): Promise<Passkey | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, credentialId)))
    .limit(1);
  return row;
}

export interface NewPasskey {
  name: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
}

/** Stores a verified credential; null when that credential is already registered (to anyone). */
export async function createPasskey(
  userId: string,
  passkey: NewPasskey,
): Promise<{ id: string; name: string } | null> {
  const db = await getDb();
  const [row] = await db
    .insert(passkeys)
    .values({ userId, ...passkey, transports: JSON.stringify(passkey.transports.slice(0, 10)) })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id, name: passkeys.name });
  return row ?? null;
}

/**
 * Records a successful use: the new counter and the time. The counter moves only forward in the
 * same statement, so of two copies of a key racing with the same counter only one gets through;
 * false when this one lost (or the passkey is gone).
 */
export async function recordPasskeyUse(
  userId: string,
  passkeyId: string,
  counter: number,
  backedUp: boolean,
): Promise<boolean> {
  const db = await getDb();
  const used = await db
    .update(passkeys)
    .set({ counter, backedUp, lastUsedAt: sql`now()` })
    .where(
      and(
        eq(passkeys.userId, userId),
        eq(passkeys.id, passkeyId),
        // A key that does not count (0) stays at 0; any other must go past the stored one.
        counter === 0 ? eq(passkeys.counter, 0) : lt(passkeys.counter, counter),
      ),
    )
    .returning({ id: passkeys.id });
  return used.length > 0;
}

/** Removes one of the user's passkeys; its name, or null when the user has no such passkey. */
export async function deletePasskey(userId: string, passkeyId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, passkeyId)))
    .returning({ name: passkeys.name });
  return row?.name ?? null;
}
