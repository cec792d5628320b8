// Makes sure SESSION_SECRET exists before a server starts. On the embedded default a newcomer
// should not have to configure anything, so one is generated once and kept in .env.local
// (git-ignored, read by Next). With DATABASE_URL or NODE_ENV=production it is required.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const envFile = path.join(process.cwd(), '.env.local');

function secretInEnvFile() {
  if (!fs.existsSync(envFile)) return undefined;
  const line = fs
    .readFileSync(envFile, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('SESSION_SECRET='));
  return line?.slice('SESSION_SECRET='.length).trim() || undefined;
}

/** Returns the secret to use, generating it on the embedded default; exits with a message otherwise. */
export function ensureSessionSecret() {
  const existing = process.env.SESSION_SECRET || secretInEnvFile();
  if (existing) return existing;
  const deployed =
    process.env.DATABASE_URL || process.env.NODE_ENV === 'production' || process.env.VERCEL;
  if (deployed) {
    console.error(
      'SESSION_SECRET is required when DATABASE_URL or NODE_ENV=production is set: ' +
        'set it to a random string of at least 32 characters (e.g. `openssl rand -base64 48`), ' +
        'the same on every server.',
    );
    process.exit(1);
  }
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.appendFileSync(envFile, `SESSION_SECRET=${secret}\n`, { mode: 0o600 });
  console.log(
    JSON.stringify({
      level: 30,
      time: Date.now(),
      app: 'contact-cards',
      event: 'session_secret_generated',
      msg: `Generated SESSION_SECRET and saved it in ${envFile} (git-ignored). Keep it to keep sessions across restarts.`,
    }),
  );
  return secret;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSessionSecret();
