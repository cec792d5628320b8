import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import {
  consumeRecoveryCode,
  createRecoveryCodes,
  deleteRecoveryCodes,
  unusedRecoveryCodes,
} from './recovery-codes';

beforeAll(() => getDb().then(() => undefined));

async function newUser(): Promise<string> {
  const db = await getDb();
  const name = `rc${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db
    .insert(users)
    .values({ username: name, usernameKey: name, passwordHash: 'x' })
    .returning({ id: users.id });
  return row!.id;
}

describe('recovery codes', () => {
  it('makes ten distinct 120-bit codes, each usable once, by their owner only', async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const codes = await createRecoveryCodes(owner);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    expect(await consumeRecoveryCode(stranger, codes[0]!)).toBe(false);
    // Typed in capitals with spaces, as people copy them.
    expect(
      await consumeRecoveryCode(owner, ` ${codes[0]!.toUpperCase().replaceAll('-', ' ')} `),
    ).toBe(true);
    expect(await consumeRecoveryCode(owner, codes[0]!)).toBe(false);
    expect(await unusedRecoveryCodes(owner)).toBe(9);
    expect(await consumeRecoveryCode(owner, 'not a code')).toBe(false);
    expect(await consumeRecoveryCode(owner, 'x'.repeat(100_000))).toBe(false);
  });

  it('lets one of two racing requests use a code', async () => {
    const owner = await newUser();
    const [code] = await createRecoveryCodes(owner);
    const results = await Promise.all([
      consumeRecoveryCode(owner, code!),
      consumeRecoveryCode(owner, code!),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('kills the old codes when new ones are made or codes are turned off', async () => {
    const owner = await newUser();
    const old = await createRecoveryCodes(owner);
    const fresh = await createRecoveryCodes(owner);
    expect(await consumeRecoveryCode(owner, old[1]!)).toBe(false);
    expect(await consumeRecoveryCode(owner, fresh[1]!)).toBe(true);
    await deleteRecoveryCodes(owner);
    expect(await unusedRecoveryCodes(owner)).toBe(0);
    expect(await consumeRecoveryCode(owner, fresh[2]!)).toBe(false);
  });
});
