import { describe, expect, it } from 'vitest';
import { usernameKey, usernameProblem } from './username';

describe('usernames', () => {
  it('folds case and width into one key', () => {
    expect(usernameKey('Alice')).toBe('alice');
    expect(usernameKey('ＡＬＩＣＥ')).toBe('alice');
    expect(usernameKey('alice')).toBe('alice');
  });

  it('folds Cyrillic and Greek look-alikes onto Latin', () => {
    expect(usernameKey('аlісе')).toBe('alice'); // Cyrillic а, і, с, е
    expect(usernameKey('ΑΒΕ')).toBe('abe'); // Greek capitals
  });

  it.each(['alice', 'Bob_the-builder.2', 'José', 'Łukasz', 'иван', '山田たろう', 'abc'])(
    'accepts %s',
    (name) => {
      expect(usernameProblem(name)).toBeNull();
    },
  );

  it.each([
    ['ab', 'Use 3 to 32 characters.'],
    ['a'.repeat(33), 'Use 3 to 32 characters.'],
    ['ﾊﾟ'.repeat(17), 'Use 3 to 32 characters.'], // 17 after NFKC, 34 as stored (NFC)
    ['ali ce', 'Use only letters, digits, dots, underscores and hyphens.'],
    ['ali\u200bce', 'Use only letters, digits, dots, underscores and hyphens.'],
    ['ali\u00adce', 'Use only letters, digits, dots, underscores and hyphens.'],
    ['<script>', 'Use only letters, digits, dots, underscores and hyphens.'],
    ['аlice', 'Use letters from one alphabet only.'], // Cyrillic а among Latin letters
    ['pаypal', 'Use letters from one alphabet only.'],
  ])('refuses %j', (name, message) => {
    expect(usernameProblem(name)).toBe(message);
  });
});
