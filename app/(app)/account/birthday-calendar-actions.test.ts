import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newOwner } from '@/lib/contacts/store/test-helpers';
import { hasCalendarToken, userIdForCalendarToken } from '@/lib/calendar/feed-token';

// The signed-in user is whoever `who.id` names; the request came to cards.example.org over https.
const who = vi.hoisted(() => ({ id: '', logged: [] as unknown[] }));
vi.mock('@/lib/auth/session', () => ({
  requireSession: async () => ({
    user: { id: who.id, username: 'x' },
    sessionId: 's',
    authenticatedAt: new Date(),
  }),
}));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      host: 'internal:3000',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'cards.example.org',
    }),
}));
vi.mock('@/lib/server/log', () => ({
  getLogger: () => ({ info: (...args: unknown[]) => who.logged.push(args) }),
}));

const { calendarLinkAction } = await import('./birthday-calendar-actions');

const submit = (intent: string) => {
  const data = new FormData();
  data.set('intent', intent);
  return calendarLinkAction({ errors: {}, values: {} }, data);
};
const tokenIn = (url: string | undefined) =>
  new URL(url ?? 'http://x/').searchParams.get('token') ?? '';

// Opening the database and an argon2 hash: slow on a busy machine.
beforeAll(async () => {
  who.id = await newOwner('calaction');
}, 180_000);

describe('calendarLinkAction', () => {
  it('creates a link for the signed-in user, shown in the answer only', async () => {
    who.logged = [];
    const state = await submit('create');
    expect(state.on).toBe(true);
    expect(state.url).toMatch(
      /^https:\/\/cards\.example\.org\/calendar\/birthdays\.ics\?token=[A-Za-z0-9_-]{43}$/,
    );
    expect(state.message).toContain('shown only this once');
    const token = tokenIn(state.url);
    expect(await userIdForCalendarToken(token)).toBe(who.id);
    expect(JSON.stringify(who.logged)).toContain('calendar_link_created');
    expect(JSON.stringify(who.logged)).not.toContain(token);
  });

  it('makes a new link that replaces the old one, then turns the feed off', async () => {
    const old = tokenIn((await submit('create')).url);
    const renewed = tokenIn((await submit('create')).url);
    expect(renewed).not.toBe(old);
    expect(await userIdForCalendarToken(old)).toBeNull();
    expect(await userIdForCalendarToken(renewed)).toBe(who.id);

    const off = await submit('off');
    expect(off).toMatchObject({ on: false, message: expect.stringContaining('off') });
    expect(off.url).toBeUndefined();
    expect(await userIdForCalendarToken(renewed)).toBeNull();
    expect(await hasCalendarToken(who.id)).toBe(false);
  });

  it('does nothing for any other intent', async () => {
    const token = tokenIn((await submit('create')).url);
    const state = await submit('delete-everything');
    expect(state.errors.intent).toBeDefined();
    expect(state.url).toBeUndefined();
    expect(await userIdForCalendarToken(token)).toBe(who.id);
  });
});
