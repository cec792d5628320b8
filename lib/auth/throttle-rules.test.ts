import { describe, expect, it } from 'vitest';
import {
  accountDelayMs,
  decideAttempt,
  lockedUntil,
  type AttemptSource,
  type RecordedFailure,
  type ThrottleLimits,
} from './throttle-rules';

// The defaults (lib/config.ts): 5 per pair in 15 minutes; delays after 3 per account in 24 hours,
// capped at 15 minutes; 10 per known device.
const LIMITS: ThrottleLimits = {
  pairFailures: 5,
  pairWindowMs: 15 * 60_000,
  accountFailures: 3,
  accountWindowMs: 24 * 3600_000,
  accountMaxDelayMs: 15 * 60_000,
  deviceFailures: 10,
};
const T0 = Date.parse('2026-03-01T12:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;
const fail = (seconds: number, address: string, device: string | null = null): RecordedFailure => ({
  at: s(seconds),
  address,
  device,
});
const stranger: AttemptSource = { address: 'elsewhere', device: null, knownAddress: false };
const decide = (failures: RecordedFailure[], source: AttemptSource, at: number) =>
  decideAttempt(failures, source, LIMITS, s(at));

describe('lockedUntil (the pair lock)', () => {
  it('locks once the limit falls within one window, for a window after the last', () => {
    expect(lockedUntil([s(0), s(1), s(2), s(3)], 5, 900_000)).toBe(0);
    expect(lockedUntil([s(0), s(1), s(2), s(3), s(4)], 5, 900_000)).toBe(s(904));
    // Spread over more than a window: no lock.
    expect(lockedUntil([s(0), s(240), s(480), s(720), s(960)], 5, 900_000)).toBe(0);
  });
});

describe('accountDelayMs', () => {
  it('is free for the first failures, then doubles from 2 s, capped', () => {
    expect([0, 1, 2].map((n) => accountDelayMs(n, LIMITS))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => accountDelayMs(n, LIMITS))).toEqual([2000, 4000, 8000, 16000]);
    expect(accountDelayMs(12, LIMITS)).toBe(900_000);
    expect(accountDelayMs(10_000, LIMITS)).toBe(900_000);
  });
});

describe('decideAttempt', () => {
  it('a pair over its limit is refused for a window, whoever types there', () => {
    const five = [0, 1, 2, 3, 4].map((t) => fail(t, 'bot'));
    const bot: AttemptSource = { address: 'bot', device: null, knownAddress: false };
    expect(decide(five, bot, 5)).toEqual({
      allowed: false,
      reason: 'pair',
      retryAt: new Date(s(904)),
    });
    expect(decide(five, { ...bot, knownAddress: true }, 5)).toMatchObject({ reason: 'pair' });
    expect(decide(five, bot, 904)).toEqual({ allowed: true, via: 'stranger' });
  });

  it('other strangers are slowed by the account-wide delay after the latest failure', () => {
    const three = [0, 1, 2].map((t) => fail(t, `bot${t}`));
    expect(decide(three, stranger, 3)).toEqual({
      allowed: false,
      reason: 'account',
      retryAt: new Date(s(4)),
    });
    expect(decide(three, stranger, 4)).toEqual({ allowed: true, via: 'stranger' });
    const many = Array.from({ length: 50 }, (_, i) => fail(i, `bot${i}`));
    expect(decide(many, stranger, 60)).toEqual({
      allowed: false,
      reason: 'account',
      retryAt: new Date(s(49 + 900)),
    });
    // Failures older than the account window no longer count.
    expect(decide(many, stranger, 24 * 3600 + 50)).toEqual({ allowed: true, via: 'stranger' });
  });

  it("the owner's address skips the account-wide delay; a known device skips both", () => {
    const many = Array.from({ length: 50 }, (_, i) => fail(i, `bot${i}`));
    const home: AttemptSource = { address: 'home', device: null, knownAddress: true };
    expect(decide(many, home, 50)).toEqual({ allowed: true, via: 'address' });
    const sameNat = [...many, ...[0, 1, 2, 3, 4].map((t) => fail(t, 'home'))];
    expect(decide(sameNat, home, 50)).toMatchObject({ allowed: false, reason: 'pair' });
    const device: AttemptSource = { address: 'home', device: 'phone', knownAddress: false };
    expect(decide(sameNat, device, 50)).toEqual({ allowed: true, via: 'device' });
  });

  it('a known device is a stranger again once it has spent its own budget', () => {
    const own = Array.from({ length: 9 }, (_, i) => fail(i, `hotel${i}`, 'phone'));
    const phone: AttemptSource = { address: 'cafe', device: 'phone', knownAddress: false };
    expect(decide(own, phone, 10)).toEqual({ allowed: true, via: 'device' });
    const spent = [...own, fail(9, 'hotel9', 'phone')];
    expect(decide(spent, phone, 10)).toMatchObject({ allowed: false, reason: 'account' });
    // Another device's failures are not this one's.
    expect(decide(spent, { ...phone, device: 'laptop' }, 10)).toEqual({
      allowed: true,
      via: 'device',
    });
    // The budget renews a pair window after the failures.
    expect(decide(spent, phone, 9 + 900)).toEqual({ allowed: true, via: 'device' });
  });
});
