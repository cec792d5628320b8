import { describe, expect, it, vi } from 'vitest';

// A short stand-in for the list, which records when it is read.
const { listRead } = vi.hoisted(() => ({ listRead: vi.fn() }));
vi.mock('@zxcvbn-ts/language-common/src/passwords.json', () => {
  listRead();
  return { default: ['Password1', 'qwerty123'] };
});

describe('the common-passwords list', () => {
  it('is read by the first new password, not when the sign-in code loads, and only once', async () => {
    const { passwordProblem } = await import('./passwords');
    expect(listRead).not.toHaveBeenCalled();
    expect(await passwordProblem('PASSWORD1', '')).toBe(
      'This password is too common. Choose one that is harder to guess.',
    );
    expect(await passwordProblem('qwerty123', '')).not.toBeNull();
    expect(await passwordProblem('qwerty1234', '')).toBeNull();
    expect(listRead).toHaveBeenCalledTimes(1);
  });
});
