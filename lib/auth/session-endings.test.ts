import { describe, expect, it } from 'vitest';
import { readSessionEndReason, recordSessionEndings, sessionEndReason } from './session-endings';

describe('session endings', () => {
  it('remembers why a session ended, by its id', () => {
    recordSessionEndings(['a'.repeat(64)], 'revoked');
    recordSessionEndings(['b'.repeat(64), 'c'.repeat(64)], 'password');
    expect(sessionEndReason('a'.repeat(64))).toBe('revoked');
    expect(sessionEndReason('c'.repeat(64))).toBe('password');
  });

  it('says only "ended" for a session it knows nothing of, or after 30 days', () => {
    expect(sessionEndReason('d'.repeat(64))).toBe('ended');
    recordSessionEndings(['e'.repeat(64)], 'revoked', 0);
    expect(sessionEndReason('e'.repeat(64), 31 * 24 * 60 * 60 * 1000)).toBe('ended');
  });

  it('forgets the oldest first beyond 10,000 endings', () => {
    recordSessionEndings(['first'], 'revoked');
    const many = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    recordSessionEndings(many, 'password');
    expect(sessionEndReason('first')).toBe('ended');
    expect(sessionEndReason('s9999')).toBe('password');
  });

  it('reads only the known reasons from a URL', () => {
    expect(readSessionEndReason('revoked')).toBe('revoked');
    expect(readSessionEndReason(['password', 'revoked'])).toBe('password');
    expect(readSessionEndReason('<script>')).toBeNull();
    expect(readSessionEndReason(undefined)).toBeNull();
  });
});
