import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '../db/client';
import { securityEvents, type SecurityEvent } from '../db/security-schema';
import { clientAddress } from './client-address';

/**
 * The account's security log (issue 15): what the owner sees on /account, kept 90 days. Every
 * event is written by the code that made the change, in the same request, so the log cannot
 * miss one that happened. It names places (address, browser), never secrets.
 */
export const SECURITY_EVENT_KINDS = {
  'sign-in': 'Signed in',
  'sign-in-passkey': 'Signed in with a passkey',
  'sign-in-failures': 'Failed sign-in attempts',
  'password-changed': 'Password changed',
  'password-reset': 'Password reset',
  'passkey-added': 'Passkey added',
  'passkey-removed': 'Passkey removed',
  'totp-enabled': 'One-time codes turned on',
  'totp-disabled': 'One-time codes turned off',
  'recovery-codes-created': 'New recovery codes made',
  'recovery-code-used': 'Recovery code used',
  'email-added': 'Email address verified',
  'email-removed': 'Email address removed',
  'app-password-created': 'App password created',
  'app-password-revoked': 'App password revoked',
  reauthenticated: 'Identity confirmed',
} as const;
export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export const SECURITY_LOG_DAYS = 90;
const DETAIL_MAX = 200;

export interface EventPlace {
  address: string;
  userAgent: string;
}

/** Where the current request comes from (for server actions and route handlers). */
async function requestPlace(): Promise<EventPlace> {
  const h = await headers();
  return { address: clientAddress(h), userAgent: (h.get('user-agent') ?? '').slice(0, 256) };
}

/**
 * Records one event. `place` defaults to the current request's; pass one explicitly where there
 * is no request (the operator's command line) or it is already known (CardDAV).
 */
export async function recordSecurityEvent(
  userId: string,
  kind: SecurityEventKind,
  detail = '',
  place?: EventPlace,
): Promise<void> {
  const where = place ?? (await requestPlace());
  const db = await getDb();
  await db.insert(securityEvents).values({
    userId,
    kind,
    // PostgreSQL text cannot hold NUL; a name typed by the user could carry one.
    detail: detail.replaceAll('\u0000', '\uFFFD').slice(0, DETAIL_MAX),
    clientAddress: where.address.slice(0, 64),
    userAgent: where.userAgent.slice(0, 256),
  });
  // Housekeeping on the owner's own rows: the log never holds more than 90 days.
  await db
    .delete(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        lt(securityEvents.createdAt, sql`now() - make_interval(days => ${SECURITY_LOG_DAYS})`),
      ),
    );
}

/** The owner's events, newest first (at most `limit`, within 90 days). */
export async function listSecurityEvents(userId: string, limit = 50): Promise<SecurityEvent[]> {
  const db = await getDb();
  return db
    .select()
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        sql`${securityEvents.createdAt} > now() - make_interval(days => ${SECURITY_LOG_DAYS})`,
      ),
    )
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(limit);
}
