import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '@/lib/auth/passwords';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { unsealSessionToken } from '@/lib/auth/session-cookie';
import { USERNAME_MAX, USERNAME_MIN, usernameKey, usernameProblem } from '@/lib/auth/username';
import { anyInput, nastyString } from './lib/arbitraries';
import { note } from './lib/stats';

/**
 * Bad input at scale, at the unit level: random strings, Unicode, huge and empty values fed to
 * every server-side check of accounts and sign-in (contacts: contact-properties.scenario.ts). None
 * may throw, and what they accept must fit what the database stores.
 * (The zod schemas of the auth actions live in a 'use server' file that may only export actions;
 * test/reliability/form-fuzz.scenario.ts drives them through HTTP instead.)
 */
const RUNS = 2000;
const codePoints = (s: string) => [...s].length;

process.env.SESSION_SECRET ??= 'properties-secret-0123456789abcdef0123456789';

describe('bad input: auth validation (fast-check)', () => {
  it('usernameProblem / usernameKey: never throw; an accepted name fits the users table', () => {
    fc.assert(
      fc.property(anyInput(5000), (typed) => {
        const trimmed = typed.trim(); // the register schema trims before these run
        const problem = usernameProblem(trimmed);
        const key = usernameKey(trimmed);
        expect(typeof key).toBe('string');
        if (problem === null) {
          const nfkc = codePoints(trimmed.normalize('NFKC'));
          expect(nfkc).toBeGreaterThanOrEqual(USERNAME_MIN);
          expect(nfkc).toBeLessThanOrEqual(USERNAME_MAX);
          // users.username varchar(32) stores the NFC form; users.username_key varchar(64).
          expect(codePoints(trimmed.normalize('NFC')), 'stored display name').toBeLessThanOrEqual(
            32,
          );
          expect(codePoints(key), 'stored key').toBeLessThanOrEqual(64);
          expect(usernameKey(key)).toBe(key);
        } else {
          expect(problem.length).toBeGreaterThan(0);
        }
      }),
      // Half-width kana with a separate voiced mark: one code point after NFKC, two after NFC.
      { numRuns: RUNS, examples: [['ﾊﾟ'.repeat(32)], ['ｶﾞ'.repeat(20)], ['İ'.repeat(32)]] },
    );
    note(
      `${RUNS} random usernames: no exception; every accepted name fits users.username (NFC) and username_key`,
    );
  });

  it('passwordProblem: never throws; accepts only 8 to 128 code points', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput(5000), nastyString(40), async (password, name) => {
        const problem = await passwordProblem(password, usernameKey(name));
        if (problem === null) {
          expect(codePoints(password)).toBeGreaterThanOrEqual(PASSWORD_MIN);
          expect(codePoints(password)).toBeLessThanOrEqual(PASSWORD_MAX);
        }
      }),
      { numRuns: RUNS },
    );
    note(
      `${RUNS} random passwords: no exception; nothing outside ${PASSWORD_MIN}–${PASSWORD_MAX} code points accepted`,
    );
  });

  it('safeNextPath: never throws; always a same-origin path that it accepts again unchanged', () => {
    const base = 'http://contact-cards.invalid';
    const paths = fc.oneof(
      anyInput(3000),
      nastyString(20).map((s) => `/${s}`),
      fc.webUrl(),
      fc.webPath(),
      fc.anything(),
    );
    fc.assert(
      fc.property(paths, (next) => {
        const result = safeNextPath(next);
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(result).not.toMatch(/[\\\u0000-\u001f\u007f]/);
        expect(new URL(result, base).origin).toBe(base);
        expect(safeNextPath(result)).toBe(result);
      }),
      { numRuns: RUNS },
    );
    note(`${RUNS} random next= values: always a same-origin path, stable under a second check`);
  });

  it('session cookie: any value unseals to null or a token, never an exception', async () => {
    const config = parseConfig({ SESSION_SECRET: process.env.SESSION_SECRET });
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyInput(4000), fc.constant(undefined)), async (value) => {
        expect(await unsealSessionToken(value, config)).toBeNull();
      }),
      { numRuns: 500 },
    );
    note('500 random session cookies: all refused, no exception');
  });
});
