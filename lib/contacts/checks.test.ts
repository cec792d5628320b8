import { describe, expect, it } from 'vitest';
import { checkContact, describeFlag, FIELD_LIMITS, HARD_CAP_FACTOR, MAX_ROWS } from './checks';
import { emptyAddress, emptyContact, type ContactModel } from './model';

const today = new Date('2026-12-01T12:00:00Z');
const base = (patch: Partial<ContactModel> = {}): ContactModel => ({
  ...emptyContact(),
  name: { prefix: '', given: 'Jane', middle: '', family: 'Doe', suffix: '' },
  ...patch,
});
const phone = (value: string, pref = false) => ({ value, label: 'work', pref });
const check = (m: ContactModel, keep: string[] = []) =>
  checkContact(m, { region: 'US', today, keepAsTyped: new Set(keep) });

describe('phones', () => {
  it('formats valid numbers internationally, in the region or with a country code', () => {
    const r = check(base({ phones: [phone('(213) 373-4253'), phone('+44 20 7946 0958')] }));
    expect(r.model.phones.map((p) => p.value)).toEqual(['+1 213 373 4253', '+44 20 7946 0958']);
    expect(r.flags).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it.each([
    ['a short code', '121'],
    ['a national number from another country', '020 7946 0958'],
    ['an extension on a number without an area code', '555-0100 ext 12'],
    ['a placeholder', 'n/a'],
  ])('keeps %s as typed, with a flag and an error for the editor', (_, typed) => {
    const r = check(base({ phones: [phone('+1 213 373 4253'), phone(` ${typed} `)] }));
    expect(r.model.phones[1]!.value).toBe(typed);
    expect(r.flags).toEqual([
      {
        field: 'phones',
        index: 1,
        value: typed,
        reason: 'kept as typed: not a phone number in any plan',
      },
    ]);
    expect(r.errors).toEqual([
      {
        path: 'phones.1.value',
        message: expect.stringContaining('unless it is in the United States.'),
      },
    ]);
  });

  it('keeps a full number with an extension, formatted', () => {
    const r = check(base({ phones: [phone('+1 213 373 4253 ext 12')] }));
    expect(r.model.phones[0]!.value).toBe('+1 213 373 4253 ext. 12');
  });

  it('saves a value confirmed as typed without an error, still flagged', () => {
    const r = check(base({ phones: [phone('121')] }), ['phones.0.value']);
    expect(r.errors).toEqual([]);
    expect(r.flags).toHaveLength(1);
    expect(describeFlag(r.flags[0]!)).toBe(
      "phone '121' kept as typed: not a phone number in any plan",
    );
  });
});

describe('emails and websites', () => {
  it('keeps an odd email with a flag', () => {
    const r = check(base({ emails: [{ value: 'jane at example', label: '', pref: false }] }));
    expect(r.model.emails[0]!.value).toBe('jane at example');
    expect(r.flags[0]!.reason).toMatch(/^kept as typed/);
    expect(r.errors[0]!.path).toBe('emails.0.value');
  });

  it('cuts a long flagged value for its flag between characters, never inside an emoji', () => {
    const odd = `${'x'.repeat(79)}😀${'y'.repeat(10)}`;
    const r = check(base({ emails: [{ value: odd, label: '', pref: false }] }));
    expect(r.model.emails[0]!.value).toBe(odd);
    expect(r.flags[0]!.value).toBe(`${'x'.repeat(79)}😀…`);
    expect(r.flags[0]!.value.isWellFormed()).toBe(true);
  });

  it('adds https to www addresses, normalises http(s), keeps other schemes as they are', () => {
    const urls = [
      'www.example.com',
      'HTTP://Example.COM/a b',
      'http://example.com/x',
      'ftp://files.example.com/a',
      'mailto:jane@example.com',
      'tel:+12133734253',
    ];
    const r = check(base({ urls: urls.map((value) => ({ value, label: '', pref: false })) }));
    expect(r.model.urls.map((u) => u.value)).toEqual([
      'https://www.example.com/',
      'HTTP://Example.COM/a b',
      'http://example.com/x',
      'ftp://files.example.com/a',
      'mailto:jane@example.com',
      'tel:+12133734253',
    ]);
    expect(r.flags.map((f) => f.index)).toEqual([1]);
    expect(r.errors.map((e) => e.path)).toEqual(['urls.1.value']);
  });
});

describe('dates', () => {
  it('accepts years 1 to today and dates without a year', () => {
    const r = check(
      base({
        birthday: '0001-01-01',
        anniversary: '1850-02-03',
        dates: [
          { value: '--02-29', label: 'name day' },
          { value: '2030-01-01', label: 'retirement' },
        ],
      }),
    );
    expect([r.model.birthday, r.model.anniversary, ...r.model.dates.map((d) => d.value)]).toEqual([
      '0001-01-01',
      '1850-02-03',
      '--02-29',
      '2030-01-01',
    ]);
    expect(r.flags).toEqual([]);
    expect(check(base({ birthday: '1850-02-03' })).errors).toEqual([]);
  });

  it('normalises compact forms', () => {
    expect(check(base({ birthday: '19850412' })).model.birthday).toBe('1985-04-12');
    expect(check(base({ birthday: '--0412' })).model.birthday).toBe('--04-12');
    expect(check(base({ birthday: '1985-04-12T00:00:00Z' })).model.birthday).toBe('1985-04-12');
  });

  it.each(['next spring', '1985-02-30', '0000-01-01', '2027-01-01'])(
    'keeps %s as text with a flag, never failing the record',
    (typed) => {
      const r = check(base({ birthday: typed }));
      expect(r.model.birthday).toBe(typed);
      expect(r.flags[0]).toMatchObject({
        field: 'birthday',
        value: typed,
        reason: expect.stringMatching(/^kept as text/),
      });
      expect(r.errors.map((e) => e.path)).toEqual(['birthday']);
    },
  );
});

describe('text and caps', () => {
  it('removes control characters, turns line breaks into spaces outside notes and streets', () => {
    const r = check(
      base({
        name: { prefix: '', given: 'Ja\u0000ne\r\nMary', middle: '', family: 'Doe\t', suffix: '' },
        note: 'one\r\ntwo\u0007\n',
        addresses: [{ ...emptyAddress(), street: '1 Main St\nFlat 2', locality: 'Spring\nfield' }],
      }),
    );
    expect(r.model.name.given).toBe('Jane Mary');
    expect(r.model.name.family).toBe('Doe');
    expect(r.model.note).toBe('one\ntwo');
    expect(r.model.addresses[0]).toMatchObject({
      street: '1 Main St\nFlat 2',
      locality: 'Spring field',
    });
  });

  it('keeps an over-cap value in full below the hard cap, drops it alone above', () => {
    const cap = FIELD_LIMITS.namePart;
    const long = 'x'.repeat(cap + 1);
    const huge = 'y'.repeat(cap * HARD_CAP_FACTOR + 1);
    const r = check(
      base({
        nickname: long,
        name: { prefix: '', given: 'Jane', middle: huge, family: '', suffix: '' },
      }),
    );
    expect(r.model.nickname).toBe(long);
    expect(r.model.name.middle).toBe('');
    expect(r.model.name.given).toBe('Jane');
    expect(r.flags.map((f) => [f.field, f.reason.split(':')[0]])).toEqual([
      ['name.middle', 'dropped'],
      ['nickname', 'kept in full'],
    ]);
    expect(r.errors.map((e) => e.path).sort()).toEqual(['name.middle', 'nickname']);
    expect(check(base({ nickname: long }), ['nickname']).errors).toEqual([]);
  });

  it('drops an oversized list row alone, its flag naming no row', () => {
    const r = check(
      base({
        emails: [
          { value: 'a'.repeat(3000), label: '', pref: false },
          { value: 'b@example.com', label: '', pref: false },
        ],
      }),
    );
    expect(r.model.emails.map((e) => e.value)).toEqual(['b@example.com']);
    expect(r.flags[0]).toMatchObject({
      field: 'emails',
      reason: expect.stringMatching(/^dropped/),
    });
    expect(r.flags[0]!.index).toBeUndefined();
  });

  it('caps the number of rows', () => {
    const labels = Array.from({ length: MAX_ROWS + 5 }, (_, i) => `l${i}`);
    const r = check(base({ labels }));
    expect(r.model.labels).toHaveLength(MAX_ROWS);
    expect(r.flags[0]!.reason).toMatch(/^dropped/);
  });

  it('removes empty rows and duplicate labels, keeps one preferred value per kind', () => {
    const r = check(
      base({
        phones: [phone(' '), phone('+1 213 373 4253', true), phone('+44 20 7946 0958', true)],
        labels: ['Friends', ' ', 'Friends'],
        addresses: [emptyAddress()],
      }),
    );
    expect(r.model.phones.map((p) => p.pref)).toEqual([true, false]);
    expect(r.model.labels).toEqual(['Friends']);
    expect(r.model.addresses).toEqual([]);
  });
});

describe('identity', () => {
  it('accepts a company card without a name and an email-only card', () => {
    const company = check({ ...emptyContact(), organization: 'Acme Ltd' });
    expect(company.errors).toEqual([]);
    const emailOnly = check({
      ...emptyContact(),
      emails: [{ value: 'jane@example.com', label: '', pref: false }],
    });
    expect(emailOnly.errors).toEqual([]);
  });

  it('reports a record without identity as a whole', () => {
    const r = check({
      ...emptyContact(),
      note: 'just a note',
      name: { prefix: ' ', given: '\u0000', middle: '', family: '', suffix: '' },
    });
    expect(r.errors).toEqual([{ path: '', message: expect.any(String) }]);
    expect(r.model.note).toBe('just a note');
  });

  it('does not mutate its input', () => {
    const input = base({
      phones: [phone('(213) 373-4253', true), phone('+44 20 7946 0958', true)],
    });
    const copy = structuredClone(input);
    check(input);
    expect(input).toEqual(copy);
  });
});
