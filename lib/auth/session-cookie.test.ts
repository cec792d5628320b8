import crypto from 'node:crypto';
import { sealData } from 'iron-session';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getConfig, sealPasswords } from '../config';
import { openedSealCount, unsealSessionToken } from './session-cookie';

const newToken = () => crypto.randomBytes(32).toString('base64url');
const seal = (token: string, ttl = 3600) => sealData({ token }, { password: sealPasswords(), ttl });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('unsealSessionToken', () => {
  it('opens a seal once: the same cookie again costs no decryption', async () => {
    const token = newToken();
    const value = await seal(token);
    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    expect(await unsealSessionToken(value, getConfig())).toBe(token);
    const afterFirst = decrypt.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(await unsealSessionToken(value, getConfig())).toBe(token);
    expect(decrypt.mock.calls.length).toBe(afterFirst);
  });

  it('refuses a kept seal once it has expired', async () => {
    const token = newToken();
    const value = await seal(token, 60);
    expect(await unsealSessionToken(value, getConfig())).toBe(token);
    // Past the expiry and iron's minute of clock skew: opened again, and refused.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * 60 * 1000 });
    expect(await unsealSessionToken(value, getConfig())).toBeNull();
  });

  it('refuses a changed copy of a kept seal, and keeps no seal that did not open', async () => {
    const value = await seal(newToken());
    expect(await unsealSessionToken(value, getConfig())).not.toBeNull();
    const kept = openedSealCount();
    const at = value.length - 10;
    const changed = value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);
    expect(await unsealSessionToken(changed, getConfig())).toBeNull();
    const foreign = await sealData(
      { token: newToken() },
      { password: 'another-password-at-least-32-characters-long', ttl: 3600 },
    );
    expect(await unsealSessionToken(foreign, getConfig())).toBeNull();
    expect(openedSealCount()).toBe(kept);
  });

  it('keeps at most a thousand seals', async () => {
    for (let i = 0; i < 1010; i++) await unsealSessionToken(await seal(newToken()), getConfig());
    expect(openedSealCount()).toBe(1000);
  }, 60_000);
});
