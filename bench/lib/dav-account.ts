// `node --conditions=react-server --import tsx bench/lib/dav-account.ts USER`: an account (created
// if missing, with no contacts) and a new app password for it; prints {"username","password"} as
// JSON. For the CardDAV benchmark and for running the vdirsyncer spec against a server started by
// hand. Run before the server starts: the embedded database allows one process.
import { createUser, getUserByUsername } from '../../lib/auth/accounts';
import { createAppPassword } from '../../lib/auth/app-passwords';
import { runShutdown } from '../../lib/server/shutdown';
import { fail, loadCliEnvironment, runMain } from '../../scripts/lib/db-cli';

runMain(async () => {
  loadCliEnvironment();
  const [username, accountPassword] = process.argv.slice(2);
  if (!username) fail('Usage: dav-account.ts USER [ACCOUNT_PASSWORD]');
  const user =
    (await getUserByUsername(username)) ??
    (await createUser(username, accountPassword ?? 'contact cards bench account'));
  if (!user) fail(`Could not create the user ${username}.`);
  const { secret } = await createAppPassword(user.id, 'vdirsyncer (bench)');
  console.log(JSON.stringify({ username: user.username, password: secret }));
  await runShutdown();
});
