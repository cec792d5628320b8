import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { eq } from 'drizzle-orm';
import { createRecoveryCodes, unusedRecoveryCodes } from './recovery-codes';
import {
  disableTotp,
  enableTotp,
  matchStep,
  newTotpSecret,
  otpauthUri,
  totpEnabledAt,
  USED_CODE,
  verifyRecoveryCode,
  verifyTotpCode,
  WRONG_CODE,
} from './totp';

beforeAll(() => getDb().then(() => undefined));

const STEP = 30_000;
// The middle of a step, so ±1 step stays inside the neighbours.
const T0 = Date.parse('2026-12-02T10:00:15Z');
const code = (secret: string, at: number) =>
  new OTPAuth.TOTP({ secret }).generate({ timestamp: at });
const stepOf = (at: number) => Math.floor(at / STEP);

async function userWithCodes(): Promise<{ id: string; secret: string }> {
  const name = `tp${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await (
    await getDb()
  )
    .insert(users)
    .values({ username: name, usernameKey: name, passwordHash: 'x' })
    .returning({ id: users.id });
  const secret = newTotpSecret();
  // Enrolled with the code of the step before T0's neighbours.
  expect(await enableTotp(row!.id, secret, stepOf(T0) - 5)).toBe(true);
  return { id: row!.id, secret };
}

describe('one-time codes', () => {
  it('makes a 160-bit seed and an otpauth URI with the issuer and the username', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri(secret, 'alice');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Contact%20Cards:alice\?/);
    expect(uri).toContain('issuer=Contact%20Cards');
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });

  it('accepts a code one step either side of now, not two; spaces are fine', () => {
    const secret = newTotpSecret();
    expect(matchStep(secret, code(secret, T0), T0)).toBe(stepOf(T0));
    expect(matchStep(secret, code(secret, T0 - STEP), T0)).toBe(stepOf(T0) - 1);
    expect(matchStep(secret, code(secret, T0 + STEP), T0)).toBe(stepOf(T0) + 1);
    expect(matchStep(secret, code(secret, T0 - 2 * STEP), T0)).toBeNull();
    expect(matchStep(secret, code(secret, T0 + 2 * STEP), T0)).toBeNull();
    const c = code(secret, T0);
    expect(matchStep(secret, ` ${c.slice(0, 3)} ${c.slice(3)} `, T0)).toBe(stepOf(T0));
    expect(matchStep(secret, 'abcdef', T0)).toBeNull();
    expect(matchStep(secret, `${c}0`, T0)).toBeNull();
  });

  it('stores the seed encrypted, and turns on only once', async () => {
    const { id, secret } = await userWithCodes();
    const [row] = await (await getDb()).select().from(users).where(eq(users.id, id));
    expect(row!.totpSecret).toMatch(/^v1\./);
    expect(row!.totpSecret).not.toContain(secret);
    expect(await totpEnabledAt(id)).toBeInstanceOf(Date);
    expect(await enableTotp(id, newTotpSecret(), stepOf(T0))).toBe(false);
  });

  it('takes each code once: the same code again, or an earlier step’s, is a replay', async () => {
    const { id, secret } = await userWithCodes();
    const now = new Date(T0);
    expect(await verifyTotpCode(id, code(secret, T0), '10.0.0.1', now)).toEqual({ ok: true });
    expect(await verifyTotpCode(id, code(secret, T0), '10.0.0.1', now)).toEqual({
      ok: false,
      message: USED_CODE,
    });
    expect((await verifyTotpCode(id, code(secret, T0 - STEP), '10.0.0.1', now)).ok).toBe(false);
    // The next step's code (the clock a little ahead) is still new.
    expect(await verifyTotpCode(id, code(secret, T0 + STEP), '10.0.0.1', now)).toEqual({
      ok: true,
    });
    // …and now the current step's is behind the last accepted one.
    expect(await verifyTotpCode(id, code(secret, T0), '10.0.0.1', now)).toEqual({
      ok: false,
      message: USED_CODE,
    });
  });

  it('locks the code step after five failures in 15 minutes, even for the right code; a right code clears the count', async () => {
    const { id, secret } = await userWithCodes();
    const at = (minutes: number) => new Date(T0 + minutes * 60_000);
    // Four failures, then a right code: the count starts again.
    for (let i = 0; i < 4; i++) {
      expect(await verifyTotpCode(id, '000000', '10.0.0.2', at(0))).toEqual({
        ok: false,
        message: WRONG_CODE,
      });
    }
    expect((await verifyTotpCode(id, code(secret, at(0).getTime()), '10.0.0.2', at(0))).ok).toBe(
      true,
    );
    for (let i = 0; i < 4; i++) {
      expect((await verifyTotpCode(id, '000000', '10.0.0.3', at(1))).ok).toBe(false);
    }
    expect(await verifyTotpCode(id, '000000', '10.0.0.4', at(2))).toEqual({
      ok: false,
      message: WRONG_CODE,
    });
    // Five failures (from any address): locked, the right code included, for 15 minutes.
    const right = await verifyTotpCode(id, code(secret, at(3).getTime()), '10.0.0.5', at(3));
    expect(!right.ok && right.message).toMatch(
      /^Too many attempts for this account\. Try again in 14 minutes/,
    );
    expect((await verifyTotpCode(id, '000000', '10.0.0.5', at(16))).ok).toBe(false);
    const still = await verifyTotpCode(id, code(secret, at(16).getTime()), '10.0.0.5', at(16));
    expect(!still.ok && still.message).toMatch(/Try again in 1 minute/);
    expect((await verifyTotpCode(id, code(secret, at(17).getTime()), '10.0.0.5', at(17))).ok).toBe(
      true,
    );
  });

  it('takes a recovery code once, even while the code step is locked', async () => {
    const { id, secret } = await userWithCodes();
    const codes = await createRecoveryCodes(id);
    const now = new Date(T0);
    for (let i = 0; i < 5; i++) await verifyTotpCode(id, '000000', '10.0.0.6', now);
    expect((await verifyTotpCode(id, code(secret, T0), '10.0.0.6', now)).ok).toBe(false);
    expect(await verifyRecoveryCode(id, codes[0]!, '10.0.0.6', now)).toEqual({ ok: true });
    expect((await verifyRecoveryCode(id, codes[0]!, '10.0.0.6', now)).ok).toBe(false);
    expect(await unusedRecoveryCodes(id)).toBe(9);
  });

  it('turns off: the seed and the recovery codes go, and no code is accepted', async () => {
    const { id, secret } = await userWithCodes();
    await createRecoveryCodes(id);
    await disableTotp(id);
    expect(await totpEnabledAt(id)).toBeNull();
    expect(await unusedRecoveryCodes(id)).toBe(0);
    expect((await verifyTotpCode(id, code(secret, T0), '10.0.0.7', new Date(T0))).ok).toBe(false);
  });
});
