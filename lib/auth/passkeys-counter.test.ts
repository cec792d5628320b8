import { describe, expect, it } from 'vitest';
import { isCounterRegression } from './passkeys-counter';

describe('the signature counter rule', () => {
  it('accepts a counter that moved on', () => {
    expect(isCounterRegression(0, 1)).toBe(false);
    expect(isCounterRegression(41, 42)).toBe(false);
    expect(isCounterRegression(41, 1000)).toBe(false);
  });

  it('accepts an authenticator that never counts (both zero)', () => {
    expect(isCounterRegression(0, 0)).toBe(false);
  });

  it('refuses a counter equal to or below the stored one: a clone or a replay', () => {
    expect(isCounterRegression(42, 42)).toBe(true);
    expect(isCounterRegression(42, 41)).toBe(true);
    expect(isCounterRegression(1, 0)).toBe(true);
  });
});
