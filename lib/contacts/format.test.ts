import { describe, expect, it } from 'vitest';
import { countSentence, formatBirthday, mailtoHref, telHref, websiteHref } from './format';

describe('contact display', () => {
  it('formats birthdays with and without a year', () => {
    expect(formatBirthday('1985-04-12', 412)).toBe('12 Apr 1985');
    expect(formatBirthday('1985-04-12', 412, 'en-US')).toBe('Apr 12, 1985');
    expect(formatBirthday(null, 1209)).toBe('9 Dec');
    expect(formatBirthday(null, 229, 'en-US')).toBe('Feb 29');
    expect(formatBirthday(null, null)).toBe('');
  });

  it('makes only safe links', () => {
    expect(telHref('+1 213 373 4253')).toBe('tel:+12133734253');
    expect(telHref('+1 213 373 4253 ext. 12')).toBe('tel:+12133734253;ext=12');
    expect(telHref('javascript:alert(1)')).toBeNull();
    expect(mailtoHref('ada@example.com')).toBe('mailto:ada@example.com');
    expect(mailtoHref('"><script>@x')).toBeNull();
    expect(websiteHref('https://example.com/a')).toBe('https://example.com/a');
    expect(websiteHref('javascript:alert(1)')).toBeNull();
    expect(websiteHref('data:text/html,hi')).toBeNull();
  });

  it('counts contacts in words', () => {
    expect(countSentence(0)).toBe('There are no contacts in your address book.');
    expect(countSentence(1)).toBe('There is 1 contact in your address book.');
    expect(countSentence(100000)).toBe('There are 100,000 contacts in your address book.');
  });
});
