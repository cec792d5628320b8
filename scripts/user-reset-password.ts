// `npm run user:reset-password -- NAME [--minutes N]`: prints a one-time password reset link for
// the account (15 minutes by default, at most 24 hours), for an operator to hand over when the
// person has no verified email address or the server sends no mail. Run it beside the server's
// configuration (.env): the link is built from APP_URL, else http://localhost:PORT.
// With the embedded database, stop the server first (one process per data folder).
import { getConfig } from '../lib/config';
import { operatorResetLink, parseResetArgs } from '../lib/auth/password-reset-link';
import { runShutdown } from '../lib/server/shutdown';
import { fail, loadCliEnvironment, runMain } from './lib/db-cli';

runMain(async () => {
  loadCliEnvironment();
  const args = parseResetArgs(process.argv.slice(2));
  if (!args.ok) fail(args.error, 2);
  const config = getConfig();
  const base = config.APP_URL ?? `http://localhost:${config.PORT}`;
  const made = await operatorResetLink(args.name, args.minutes, base);
  await runShutdown();
  if (!made) fail(`No account is named "${args.name}". Nothing was changed.`);
  console.log(
    `A password reset link for ${made.username}, valid once for ${args.minutes} minutes:\n\n${made.link}\n\n` +
      'Give it only to the account’s owner. Using it signs out every device and revokes app passwords.',
  );
});
