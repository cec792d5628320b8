import { hash, verify } from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { hashIsCurrent, hashPassword, passwordProblem, verifyPassword } from './passwords';

// The real argon2, watched: which hash each verification runs against.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
import { usernameKey } from './username';

describe('passwordProblem', () => {
  const key = usernameKey('Alice_Smith');

  it('counts length in code points: 8 to 128 of any Unicode', async () => {
    expect(await passwordProblem('a7#kQ2!z', key)).toBeNull();
    expect(await passwordProblem('a7#kQ2!', key)).toBe('Use at least 8 characters.');
    // Eight emoji are sixteen UTF-16 units but eight characters.
    expect(await passwordProblem('🦊🐙🦉🐝🦀🐢🦋🐬', key)).toBeNull();
    expect(await passwordProblem('🦊🐙🦉🐝🦀🐢🦋', key)).toBe('Use at least 8 characters.');
    expect(await passwordProblem('пароль-на-кириллице', key)).toBeNull();
    expect(await passwordProblem('x'.repeat(127) + '🦊', key)).toBeNull();
    expect(await passwordProblem('🦊'.repeat(128), key)).toBeNull();
    expect(await passwordProblem('🦊'.repeat(129), key)).toBe('Use at most 128 characters.');
    expect(await passwordProblem('x'.repeat(129), key)).toBe('Use at most 128 characters.');
  });

  it('has no composition rules: a long lower-case passphrase is fine', async () => {
    expect(await passwordProblem('correct horse battery staple', key)).toBeNull();
  });

  it.each([
    'password',
    'password1',
    'PASSWORD123',
    '12345678',
    'qwertyuiop',
    'iloveyou',
    'Ｐａｓｓｗｏｒｄ',
  ])('refuses the common password %s, in any case or width', async (password) => {
    expect(await passwordProblem(password, key)).toBe(
      'This password is too common. Choose one that is harder to guess.',
    );
  });

  it.each(['Alice_Smith', 'alice_smith', 'ALICE_SMITH', 'ＡＬＩＣＥ＿ＳＭＩＴＨ', 'аlice_smith'])(
    'refuses the username %s as the password',
    async (password) => {
      expect(await passwordProblem(password, key)).toBe('Your password cannot be your username.');
    },
  );

  it('accepts a password that only contains the username', async () => {
    expect(await passwordProblem('alice_smith likes tea', key)).toBeNull();
  });
});

describe('hashing and verifying', () => {
  it('hashes with argon2id at OWASP parameters (7 MiB, 5 passes), salted', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    expect(first).not.toBe(second);
    expect(hashIsCurrent(first)).toBe(true);
  });

  it('verifies a hash made with earlier parameters, and says it is not current', async () => {
    const earlier = await hash('correct horse battery staple', {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(await verifyPassword(earlier, 'correct horse battery staple')).toBe(true);
    expect(hashIsCurrent(earlier)).toBe(false);
    // Another variant or version is not current either, whatever its numbers.
    expect(hashIsCurrent(earlier.replace('$argon2id$', '$argon2i$'))).toBe(false);
    expect(hashIsCurrent('$argon2id$v=19$m=71680,t=5,p=1$c2FsdA$aGFzaA')).toBe(false);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('for an unknown user, does the same work against a dummy hash and says no', async () => {
    // Even the dummy hash's own password does not sign in a user who does not exist.
    expect(await verifyPassword(undefined, 'contact-cards dummy password for unknown users')).toBe(
      false,
    );
    const known = await hashPassword('correct horse battery staple');
    vi.mocked(verify).mockClear();
    expect(await verifyPassword(undefined, 'a wrong password')).toBe(false);
    expect(await verifyPassword(known, 'a wrong password')).toBe(false);
    // One argon2id verification each, against hashes of the same algorithm and cost: the same
    // work. (The times themselves: npm run bench -- --row=10.)
    expect(verify).toHaveBeenCalledTimes(2);
    const [dummy, real] = vi.mocked(verify).mock.calls.map(([hash]) => String(hash));
    const cost = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(cost(real!)).toMatch(/^argon2id\$v=19\$m=7168,t=5,p=1$/);
    expect(cost(dummy!)).toBe(cost(real!));
    expect(dummy).not.toBe(real);
  });
});
