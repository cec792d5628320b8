import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '@/lib/auth/passwords';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { unsealSessionToken } from '@/lib/auth/session-cookie';
import { USERNAME_MAX, USERNAME_MIN, usernameKey, usernameProblem } from '@/lib/auth/username';
import { anyInput, anyRecord, csvish, nastyString, vcardish } from './lib/arbitraries';
import { note } from './lib/stats';

/**
 * Bad input at scale, at the unit level: random strings, Unicode, huge and empty values fed to
 * every server-side check. None may throw, and what they accept must fit what the database stores.
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

  it('passwordProblem: never throws; accepts only 8 to 128 code points', () => {
    fc.assert(
      fc.property(anyInput(5000), nastyString(40), (password, name) => {
        const problem = passwordProblem(password, usernameKey(name));
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

/**
 * Contacts: the form's schema, the vCard and CSV readers, and the import's preparation
 * (which runs every record through the same schema). Whatever they accept must fit the columns
 * of lib/db/schema.ts and hold no U+0000 (PostgreSQL text cannot); nothing may throw.
 */
const COLUMN_MAX = {
  firstName: 100,
  lastName: 100,
  email: 254,
  website: 2048,
  workPhone: 40,
  homePhone: 40,
  mobilePhone: 40,
  notes: 5000,
} as const;
const CONTACT_FIELDS = [...Object.keys(COLUMN_MAX), 'birthday', 'birthdayNoYear', 'version', 'id'];

function expectStorable(input: Record<string, unknown>) {
  for (const [field, max] of Object.entries(COLUMN_MAX)) {
    const value = input[field];
    expect(typeof value, field).toBe('string');
    expect(codePoints(value as string), `${field} fits varchar(${max})`).toBeLessThanOrEqual(max);
    expect(value as string, `${field} holds no NUL`).not.toContain('\u0000');
  }
  const birthday = input.birthday;
  if (birthday !== null) expect(birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const md = input.birthdayMonthDay;
  if (md !== null) expect(md as number).toBeGreaterThanOrEqual(101);
}

describe('bad input: contacts validation and parsers (fast-check)', () => {
  it('contactSchema: never throws; whatever it accepts fits the contacts table', async () => {
    const { contactSchema } = await import('@/lib/contacts/validation');
    let accepted = 0;
    const phoneLike = fc.stringMatching(/^[+(]?[0-9 ()./-]{0,45}$/);
    const record = fc.oneof(
      anyRecord(CONTACT_FIELDS),
      fc.record({ firstName: nastyString(60), lastName: nastyString(60) }),
      fc.record(
        {
          firstName: anyInput(300),
          lastName: nastyString(20),
          workPhone: phoneLike,
          mobilePhone: phoneLike,
          homePhone: phoneLike,
          website: fc.oneof(fc.webUrl(), anyInput(3000)),
          email: fc.oneof(fc.emailAddress(), nastyString(30)),
          birthday: fc.oneof(
            fc.date().map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))),
            nastyString(12),
          ),
          notes: anyInput(8000),
        },
        { requiredKeys: ['firstName'] },
      ),
    );
    fc.assert(
      fc.property(record, (values) => {
        const result = contactSchema.safeParse(values);
        if (result.success) {
          accepted++;
          expectStorable(result.data as unknown as Record<string, unknown>);
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    note(
      `${RUNS} random contact forms: no exception; ${accepted} accepted, each fitting every column`,
    );
  });

  it('parseVCards and parseContactsCsv: never throw, on any text', async () => {
    const [{ parseVCards }, { parseContactsCsv }] = await Promise.all([
      import('@/lib/contacts/vcard'),
      import('@/lib/contacts/csv'),
    ]);
    let records = 0;
    fc.assert(
      fc.property(fc.oneof(anyInput(300_000), vcardish(), csvish()), (text) => {
        for (const parsed of [parseVCards(text, 20_000), parseContactsCsv(text, 20_000)]) {
          expect(Array.isArray(parsed.records)).toBe(true);
          for (const r of parsed.records) expect(typeof r.where).toBe('string');
          for (const p of parsed.problems) expect(p.reason.length).toBeGreaterThan(0);
          records += parsed.records.length;
        }
      }),
      { numRuns: 600 },
    );
    note(
      `600 random files (vCard-like, CSV-like, any text, up to 300 KB) through both readers: no exception (${records} records read)`,
    );
  });

  it('prepareImport: never throws on any bytes; what it would import fits the table, a refusal carries a reason', async () => {
    const { prepareImport } = await import('@/lib/contacts/import');
    const outcomes = { ok: 0, refused: 0, inputs: 0 };
    const bytes = fc.oneof(
      fc.oneof(anyInput(200_000), vcardish(), csvish()).map((t) => new TextEncoder().encode(t)),
      fc.uint8Array({ maxLength: 5000 }),
      fc
        .oneof(vcardish(), csvish())
        .map((t) =>
          Uint8Array.from([
            0xff,
            0xfe,
            ...Array.from(t, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat(),
          ]),
        ),
    );
    fc.assert(
      fc.property(
        bytes,
        fc.constantFrom('a.vcf', 'a.csv', 'a.txt', 'CONTACTS.VCF', ''),
        (data, name) => {
          const prepared = prepareImport(name, data);
          if (prepared.ok) {
            outcomes.ok++;
            outcomes.inputs += prepared.inputs.length;
            expect(prepared.inputs.length).toBeGreaterThan(0);
            for (const input of prepared.inputs)
              expectStorable(input as unknown as Record<string, unknown>);
          } else {
            outcomes.refused++;
            expect(prepared.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 600 },
    );
    note(
      `600 random files: ${outcomes.ok} importable (${outcomes.inputs} contacts, each fitting every column), ${outcomes.refused} refused with a reason; no exception`,
    );
  });
});
