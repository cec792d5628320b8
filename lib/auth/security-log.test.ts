import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { securityEvents } from '../db/security-schema';
import { listSecurityEvents, recordSecurityEvent } from './security-log';

// The request's place, as the custom server would report it (x-contact-cards-client is only
// believed behind it, so the address comes from X-Forwarded-For with no trusted proxy: 'unknown').
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }),
}));

beforeAll(() => getDb().then(() => undefined));

async function newUser(): Promise<string> {
  const db = await getDb();
  const name = `log${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(users)
    .values({ username: name, usernameKey: name, passwordHash: 'x' })
    .returning({ id: users.id });
  return row!.id;
}

describe('the security log', () => {
  it('keeps what happened, where, newest first, for its owner only', async () => {
    const owner = await newUser();
    const other = await newUser();
    await recordSecurityEvent(owner, 'sign-in');
    await recordSecurityEvent(owner, 'app-password-created', 'iPhone', {
      address: '192.0.2.7',
      userAgent: 'DAVx5/4.4',
    });
    await recordSecurityEvent(other, 'sign-in');
    const events = await listSecurityEvents(owner);
    expect(events.map((e) => [e.kind, e.detail, e.clientAddress])).toEqual([
      ['app-password-created', 'iPhone', '192.0.2.7'],
      ['sign-in', '', 'unknown'],
    ]);
    expect(events[1]!.userAgent).toContain('Firefox');
  });

  it('forgets events older than 90 days and holds no NUL', async () => {
    const owner = await newUser();
    const db = await getDb();
    await db.insert(securityEvents).values({
      userId: owner,
      kind: 'sign-in',
      createdAt: sql`now() - interval '91 days'`,
    });
    await recordSecurityEvent(owner, 'passkey-added', 'Key\u0000One');
    const rows = await db.select().from(securityEvents).where(eq(securityEvents.userId, owner));
    expect(rows.map((r) => r.detail)).toEqual(['Key\uFFFDOne']);
  });
});
