import { describe, expect, it } from 'vitest';
import { daysLeft, daysLeftText } from './days-left';

describe('days left in Trash', () => {
  const deleted = new Date('2026-03-01T10:00:00Z');
  const at = (iso: string) => daysLeft(deleted, new Date(iso));

  it('counts down from 30 to 1 over the 30 days', () => {
    expect(at('2026-03-01T10:00:00Z')).toBe(30);
    expect(at('2026-03-02T09:59:59Z')).toBe(30);
    expect(at('2026-03-02T10:00:00Z')).toBe(29);
    expect(at('2026-03-31T09:59:59Z')).toBe(1);
  });

  it('is 0 once due (not yet purged), and never above 30 when the clock moved back', () => {
    expect(at('2026-03-31T10:00:00Z')).toBe(0);
    expect(at('2026-05-01T00:00:00Z')).toBe(0);
    expect(at('2026-02-01T00:00:00Z')).toBe(30);
  });

  it('says it in words', () => {
    expect(daysLeftText(0)).toBe('Deleted forever today');
    expect(daysLeftText(1)).toBe('Deleted forever in 1 day');
    expect(daysLeftText(12)).toBe('Deleted forever in 12 days');
  });
});
