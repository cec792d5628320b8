import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { findEmailToken } from './email-address-tokens';
import { operatorResetLink, parseResetArgs } from './password-reset-link';

// The first open migrates a new embedded database: slow on a busy machine.
beforeAll(() => getDb().then(() => undefined), 240_000);

describe('parseResetArgs', () => {
  it('takes a name and an optional lifetime in minutes, 15 by default, at most a day', () => {
    expect(parseResetArgs(['ada'])).toEqual({ ok: true, name: 'ada', minutes: 15 });
    expect(parseResetArgs(['ada', '--minutes', '60'])).toEqual({
      ok: true,
      name: 'ada',
      minutes: 60,
    });
    expect(parseResetArgs(['--minutes=1440', 'ada'])).toEqual({
      ok: true,
      name: 'ada',
      minutes: 1440,
    });
    for (const bad of [
      [],
      ['--minutes', '10'],
      ['ada', '--minutes', '1441'],
      ['ada', '--minutes', '0'],
      ['ada', '--minutes', '1.5'],
      ['ada', '--minutes'],
      ['ada', 'bob'],
      ['ada', '--force'],
    ]) {
      expect(parseResetArgs(bad).ok, bad.join(' ')).toBe(false);
    }
  });
});

describe('operatorResetLink', () => {
  it('prints a live reset link on the given base for a known name, nothing for an unknown one', async () => {
    const name = `op${Math.random().toString(36).slice(2, 10)}`;
    const [user] = await (
      await getDb()
    )
      .insert(users)
      .values({ username: name, usernameKey: name, passwordHash: 'x' })
      .returning({ id: users.id });
    const made = await operatorResetLink(name.toUpperCase(), 30, 'https://cc.test');
    expect(made?.username).toBe(name);
    const url = new URL(made!.link);
    expect(url.origin).toBe('https://cc.test');
    expect(url.pathname).toBe('/login/reset');
    const row = await findEmailToken(url.searchParams.get('token')!, 'reset-password');
    expect(row?.userId).toBe(user!.id);
    expect(await operatorResetLink('nobody-here', 15, 'https://cc.test')).toBeNull();
  });
});
