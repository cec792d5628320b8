import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../forms/form-state';
import { todayIso } from './fields';
import { contactSchema, formatPhone, isContactId, normalizeWebsite } from './validation';

const parse = (values: Record<string, string>) => contactSchema.safeParse(values);
const errorsOf = (values: Record<string, string>) => {
  const result = parse(values);
  return result.success ? {} : fieldErrors(result.error);
};

describe('contactSchema', () => {
  it('accepts a full contact and normalizes it', () => {
    const result = parse({
      firstName: '  Ada ',
      lastName: 'Lovelace',
      birthday: '1985-12-10',
      email: ' ada@example.com ',
      website: 'example.com/ada',
      workPhone: '(213) 373-4253',
      homePhone: '+44 20 7946 0958',
      mobilePhone: '',
      notes: 'Line one\r\nLine two  ',
    });
    expect(result.success && result.data).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      birthday: '1985-12-10',
      birthdayMonthDay: 1210,
      email: 'ada@example.com',
      website: 'https://example.com/ada',
      workPhone: '+1 213 373 4253',
      homePhone: '+44 20 7946 0958',
      mobilePhone: '',
      notes: 'Line one\nLine two',
    });
  });

  it('needs a first or a last name, either is enough', () => {
    expect(errorsOf({}).firstName).toEqual(['Enter a first or last name.']);
    expect(errorsOf({ firstName: '   ' }).firstName).toEqual(['Enter a first or last name.']);
    expect(parse({ lastName: 'Hopper' }).success).toBe(true);
    expect(parse({ firstName: 'Grace' }).success).toBe(true);
  });

  it('caps every field', () => {
    const errors = errorsOf({
      firstName: 'x'.repeat(101),
      lastName: 'x'.repeat(101),
      email: `${'x'.repeat(250)}@example.com`,
      website: `https://example.com/${'x'.repeat(2048)}`,
      workPhone: '1'.repeat(41),
      homePhone: '1'.repeat(41),
      mobilePhone: '1'.repeat(41),
      notes: 'x'.repeat(5001),
    });
    expect(errors).toEqual({
      firstName: ['Use at most 100 characters.'],
      lastName: ['Use at most 100 characters.'],
      email: ['Use at most 254 characters.'],
      website: ['Use at most 2048 characters.'],
      workPhone: ['Use at most 40 characters.'],
      homePhone: ['Use at most 40 characters.'],
      mobilePhone: ['Use at most 40 characters.'],
      notes: ['Use at most 5000 characters.'],
    });
    expect(parse({ firstName: 'x'.repeat(100), notes: 'y'.repeat(5000) }).success).toBe(true);
  });

  it('keeps single-line fields on one line and drops control characters', () => {
    const result = parse({ firstName: 'Ada\nAugusta\u0000', notes: 'a\u0000b\nc' });
    expect(result.success && [result.data.firstName, result.data.notes]).toEqual([
      'Ada Augusta',
      'ab\nc',
    ]);
  });

  it('accepts birthdays from 1900-01-01 to today only, and real dates only', () => {
    const bad = 'Enter a real date between 1900-01-01 and today.';
    expect(parse({ firstName: 'A', birthday: '1900-01-01' }).success).toBe(true);
    expect(parse({ firstName: 'A', birthday: todayIso() }).success).toBe(true);
    expect(parse({ firstName: 'A', birthday: '2000-02-29' }).success).toBe(true);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const date of ['1899-12-31', tomorrow, '2023-02-29', '1985-13-01', '1985-04-31']) {
      expect(errorsOf({ firstName: 'A', birthday: date }).birthday, date).toEqual([bad]);
    }
    expect(errorsOf({ firstName: 'A', birthday: '12/04/1985' }).birthday).toEqual([
      'Enter the date as YYYY-MM-DD, e.g. 1985-04-12.',
    ]);
  });

  it('keeps a birthday without a year only while the date is empty', () => {
    const noYear = parse({ firstName: 'A', birthdayNoYear: '04-12' });
    expect(noYear.success && noYear.data).toMatchObject({ birthday: null, birthdayMonthDay: 412 });
    const both = parse({ firstName: 'A', birthday: '1985-06-01', birthdayNoYear: '04-12' });
    expect(both.success && both.data.birthdayMonthDay).toBe(601);
    expect(parse({ firstName: 'A', birthdayNoYear: '02-30' }).success).toBe(false);
  });

  it('checks email addresses', () => {
    expect(errorsOf({ firstName: 'A', email: 'not an email' }).email).toEqual([
      'Enter an email address like name@example.com.',
    ]);
    expect(errorsOf({ firstName: 'A', email: '<script>@x' }).email).toHaveLength(1);
    expect(parse({ firstName: 'A', email: 'o.brien+tag@example.co.uk' }).success).toBe(true);
  });

  it('accepts http and https websites only', () => {
    expect(normalizeWebsite('https://example.com')).toBe('https://example.com/');
    expect(normalizeWebsite('http://example.com/a?b=c')).toBe('http://example.com/a?b=c');
    expect(normalizeWebsite('www.example.co.uk')).toBe('https://www.example.co.uk/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com',
      'mailto:a@example.com',
      'https://exa mple.com',
      'not a url',
      '//example.com',
    ]) {
      expect(normalizeWebsite(bad), bad).toBeNull();
      expect(errorsOf({ firstName: 'A', website: bad }).website, bad).toHaveLength(1);
    }
  });

  it('checks and formats phone numbers with the default region', () => {
    expect(formatPhone('(213) 373-4253', 'US')).toBe('+1 213 373 4253');
    expect(formatPhone('020 7946 0958', 'GB')).toBe('+44 20 7946 0958');
    expect(formatPhone('020 7946 0958', 'US')).toBeNull();
    expect(formatPhone('2133734253 ext. 12', 'US')).toBe('+1 213 373 4253 ext. 12');
    expect(formatPhone('12', 'US')).toBeNull();
    expect(errorsOf({ firstName: 'A', mobilePhone: 'call me' }).mobilePhone).toEqual([
      'Enter a valid phone number, with the country code (e.g. +44) unless it is in US.',
    ]);
  });
});

describe('isContactId', () => {
  it('accepts UUIDs only', () => {
    expect(isContactId('0b8e4a4e-6a4f-4c7e-9b1a-2f3e4d5c6b7a')).toBe(true);
    for (const bad of ['1', "1' or '1'='1", '', '0b8e4a4e-6a4f-4c7e-9b1a-2f3e4d5c6b7', undefined]) {
      expect(isContactId(bad)).toBe(false);
    }
  });
});

describe('contactSchema errors', () => {
  it('reports a missing name together with every other field error', () => {
    expect(
      Object.keys(errorsOf({ email: 'nope', website: 'ftp://x', workPhone: '1' })).sort(),
    ).toEqual(['email', 'firstName', 'website', 'workPhone']);
  });
});
