// Signed-in users for the e2e suite, made before the servers start (the embedded database then
// belongs to the server: its folder is locked). Each user gets a session row and the cookie that
// names it, sealed here with the servers' secret, so a test starts signed in without a sign-in.
// Run by scripts/e2e.mjs: node --import tsx e2e/seed-users.ts FILE COUNT (DATA_DIR or DATABASE_URL
// and SESSION_SECRET in the environment, as the server will have them).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { devices } from '@playwright/test';
import { sealData } from 'iron-session';
import { hashPassword } from '../lib/auth/passwords';
import { hashToken } from '../lib/auth/session-lookup';
import { sessionCookieName } from '../lib/auth/session-cookie';
import { usernameKey } from '../lib/auth/username';
import { getConfig, sealPasswords } from '../lib/config';
import { getDb } from '../lib/db/client';
import { sessions, users } from '../lib/db/schema';
import { runShutdown } from '../lib/server/shutdown';
import { TEST_PASSWORD } from '../test/support';

export interface PooledUser {
  username: string;
  password: string;
  cookie: { name: string; value: string };
}

async function main() {
  const [file, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!file || !Number.isInteger(count) || count < 1) throw new Error('usage: FILE COUNT');
  const config = getConfig();
  const db = await getDb();
  // One hash for all: each user's row is real, and argon2's cost is paid once, not per user.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const run = Date.now().toString(36).slice(-5);
  const names = Array.from({ length: count }, (_, i) => `pool_${run}_${i.toString(36)}`);
  const rows = await db
    .insert(users)
    .values(
      names.map((username) => ({ username, usernameKey: usernameKey(username), passwordHash })),
    )
    .returning({ id: users.id, username: users.username });
  const ttl = config.SESSION_ABSOLUTE_TIMEOUT;
  const pool: PooledUser[] = [];
  const sessionRows = [];
  for (const row of rows) {
    const token = crypto.randomBytes(32).toString('base64url');
    sessionRows.push({
      id: hashToken(token),
      userId: row.id,
      expiresAt: new Date(Date.now() + ttl * 1000),
      // A pooled session waits unused until a test claims it, maybe longer than the 30-minute
      // idle timeout when the suite is long: it may idle as long as it lives.
      idleTimeoutSeconds: ttl,
      userAgent: devices['Desktop Chrome'].userAgent,
    });
    const value = await sealData({ token }, { password: sealPasswords(config), ttl });
    pool.push({
      username: row.username,
      password: TEST_PASSWORD,
      cookie: { name: sessionCookieName(false), value },
    });
  }
  await db.insert(sessions).values(sessionRows);
  fs.writeFileSync(file, JSON.stringify(pool));
  console.log(`e2e: ${count} signed-in users ready`);
}

main()
  .then(runShutdown)
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
