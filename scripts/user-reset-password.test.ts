import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The command as an operator runs it, in processes of its own with a data folder of their own
 * (the test process's database is another folder): db:seed makes the user, then the command.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-cards-reset-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', script, ...args],
    {
      encoding: 'utf8',
      // A new embedded database's first start, on a machine shared with other suites.
      timeout: 280_000,
      env: {
        NODE_ENV: 'test',
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
    },
  );
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run user:reset-password', () => {
  it('prints a link on APP_URL for a known user and fails clearly for an unknown one', () => {
    const seeded = run('scripts/db-seed.ts', ['--user', 'grace_op', '--contacts', '0']);
    expect(seeded.status, seeded.err).toBe(0);

    const made = run('scripts/user-reset-password.ts', ['grace_op', '--minutes', '30'], {
      APP_URL: 'https://contacts.example.test',
    });
    expect(made.status, made.err).toBe(0);
    expect(made.out).toContain('valid once for 30 minutes');
    expect(made.out).toMatch(
      /^https:\/\/contacts\.example\.test\/login\/reset\?token=[A-Za-z0-9_-]{43}$/m,
    );

    const unknown = run('scripts/user-reset-password.ts', ['nobody_here']);
    expect(unknown.status).toBe(1);
    expect(unknown.err).toContain('No account is named "nobody_here"');
    expect(unknown.out).not.toContain('token=');

    const bad = run('scripts/user-reset-password.ts', ['grace_op', '--minutes', '5000']);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('--minutes must be a whole number from 1 to 1440');
  }, 900_000);
});
