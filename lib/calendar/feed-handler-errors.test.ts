import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A failure deep inside (here: the lookup) with SQL and a secret in its message.
vi.mock('./feed-token', () => ({
  userIdForCalendarToken: async (token: string) => {
    throw new Error(`select * from users where calendar_token_hash = '${token}'`);
  },
}));
const logged = vi.hoisted(() => [] as unknown[]);
vi.mock('../server/log', () => ({
  getLogger: () => ({ error: (...args: unknown[]) => logged.push(args) }),
}));

const { serveBirthdayFeed } = await import('./feed-handler');

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => void serveBirthdayFeed(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a feed that fails', () => {
  it('answers 500 with a plain message, and logs neither the token nor the error text', async () => {
    const token = 'Q'.repeat(43);
    const res = await fetch(`${base}/calendar/birthdays.ics?token=${token}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const body = await res.text();
    expect(body).toBe('The calendar could not be made. Please try again later.\n');
    expect(logged).toHaveLength(1);
    const line = JSON.stringify(logged);
    expect(line).toContain('calendar_feed_error');
    expect(line).not.toContain(token);
    expect(line).not.toContain('select');
  });
});
