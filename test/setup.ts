import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runShutdown } from '../lib/server/shutdown';

// Each test file gets its own embedded database (or the throwaway PostgreSQL database that
// `npm run test:postgres` passes in DATABASE_URL), created on first use.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-cards-unit-'));
process.env.DATA_DIR = dataDir;
process.env.SESSION_SECRET ??= 'unit-test-secret-0123456789abcdef0123456789';
process.env.LOG_LEVEL ??= 'silent';

afterAll(async () => {
  await runShutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
