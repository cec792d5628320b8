import { describe, expect, it } from 'vitest';
import { birthdayFeedUrl } from './feed-url';

const url = (headers: Record<string, string>) => birthdayFeedUrl(new Headers(headers), 'abc_-1');

describe('birthdayFeedUrl', () => {
  it('uses the scheme and host the page was reached by', () => {
    expect(url({ host: 'localhost:3000', 'x-forwarded-proto': 'http' })).toBe(
      'http://localhost:3000/calendar/birthdays.ics?token=abc_-1',
    );
    expect(
      url({
        host: 'internal:3000',
        'x-forwarded-host': 'cards.example.org',
        'x-forwarded-proto': 'https',
      }),
    ).toBe('https://cards.example.org/calendar/birthdays.ics?token=abc_-1');
    expect(url({ host: '[::1]:3000' })).toBe(
      'http://[::1]:3000/calendar/birthdays.ics?token=abc_-1',
    );
  });

  it('names localhost for a host that is not one (it is only shown back to who sent it)', () => {
    expect(url({ host: 'evil.example/"><script>' })).toBe(
      'http://localhost/calendar/birthdays.ics?token=abc_-1',
    );
    expect(url({})).toBe('http://localhost/calendar/birthdays.ics?token=abc_-1');
  });
});
