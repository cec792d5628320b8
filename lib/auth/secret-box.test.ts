import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';

const OLD = 'the old session secret, 32 characters or more';
const NEW = 'the new session secret, also 32 characters long';
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The sealed value with one base64url character of part `index` (1 = iv … 3 = tag) changed. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('secret box', () => {
  it('opens what it sealed, in a versioned format, with a fresh IV each time', () => {
    const a = sealSecret(SEED, 'totp:u1', [NEW]);
    const b = sealSecret(SEED, 'totp:u1', [NEW]);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SEED);
    expect(openSecret(a, 'totp:u1', [NEW])).toBe(SEED);
    expect(openSecret(b, 'totp:u1', [NEW])).toBe(SEED);
  });

  it('refuses a tampered IV, ciphertext or tag, another context, and malformed input', () => {
    const sealed = sealSecret(SEED, 'totp:u1', [NEW]);
    for (const i of [1, 2, 3]) expect(openSecret(flip(sealed, i), 'totp:u1', [NEW])).toBeNull();
    expect(openSecret(sealed, 'totp:u2', [NEW])).toBeNull();
    expect(openSecret(sealed.replace(/^v1/, 'v2'), 'totp:u1', [NEW])).toBeNull();
    expect(openSecret(`${sealed}.x`, 'totp:u1', [NEW])).toBeNull();
    expect(openSecret('', 'totp:u1', [NEW])).toBeNull();
    expect(openSecret('v1.a.b.c', 'totp:u1', [NEW])).toBeNull();
    expect(openSecret('v1.!!.??.**', 'totp:u1', [NEW])).toBeNull();
    expect(openSecret(`v1.${'A'.repeat(2000)}`, 'totp:u1', [NEW])).toBeNull();
  });

  it('rotates: the first secret seals, every listed secret opens, a dropped one no longer does', () => {
    const before = sealSecret(SEED, 'totp:u1', [OLD]);
    expect(openSecret(before, 'totp:u1', [NEW, OLD])).toBe(SEED);
    const after = sealSecret(SEED, 'totp:u1', [NEW, OLD]);
    expect(openSecret(after, 'totp:u1', [NEW])).toBe(SEED);
    expect(openSecret(after, 'totp:u1', [OLD])).toBeNull();
    expect(openSecret(before, 'totp:u1', [NEW])).toBeNull();
  });
});
