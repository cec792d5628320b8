// `node --conditions=react-server --import tsx bench/lib/dav-account.ts USER SECRET`: an empty
// account with one app password whose secret is SECRET, for the CardDAV benchmark. Run before the
// server starts (the embedded database allows one process). The hash follows the team contract
// (lib/auth/app-passwords.ts: SHA-256 hex of the secret without dashes, lower-cased), written
// straight into the table so the benchmark does not depend on the account page.
import { createHash } from 'node:crypto';
import { createUser, getUserByUsername } from '../../lib/auth/accounts';
import { getDb } from '../../lib/db/client';
import { appPasswords } from '../../lib/db/schema';
import { runShutdown } from '../../lib/server/shutdown';
import { fail, loadCliEnvironment, runMain } from '../../scripts/lib/db-cli';

runMain(async () => {
  loadCliEnvironment();
  const [username, secret, password] = process.argv.slice(2);
  if (!username || !secret) fail('Usage: dav-account.ts USER SECRET [ACCOUNT_PASSWORD]');
  const user =
    (await getUserByUsername(username)) ??
    (await createUser(username, password ?? 'contact cards bench account'));
  if (!user) fail(`Could not create the user ${username}.`);
  const normalised = secret.replace(/[-\s]/g, '').toLowerCase();
  const db = await getDb();
  await db.insert(appPasswords).values({
    userId: user.id,
    name: 'bench vdirsyncer',
    secretHash: createHash('sha256').update(normalised, 'utf8').digest('hex'),
  });
  await runShutdown();
});
