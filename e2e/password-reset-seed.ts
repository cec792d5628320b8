// What e2e/password-reset-recovery.spec.ts needs in its lab server's database before the server
// starts (the embedded database then belongs to the server): a user with recovery codes (made
// here with createRecoveryCodes, as the two-step sign-in pages will) and a reset link that has
// already expired. Prints them as JSON.
// Run: node --conditions=react-server --import tsx e2e/password-reset-seed.ts (DATA_DIR and
// SESSION_SECRET in the environment).
import { createUser } from '../lib/auth/accounts';
import { createEmailToken } from '../lib/auth/email-address-tokens';
import { createRecoveryCodes } from '../lib/auth/recovery-codes';
import { runShutdown } from '../lib/server/shutdown';
import { TEST_PASSWORD } from '../test/support';

export interface RecoverySeed {
  username: string;
  codes: string[];
  expiredToken: string;
}

async function main() {
  const username = `rc_${Date.now().toString(36)}`;
  const user = await createUser(username, TEST_PASSWORD);
  if (!user) throw new Error('could not create the user');
  const codes = await createRecoveryCodes(user.id);
  // A millisecond's lifetime: dead by the time the server answers for it.
  const expiredToken = await createEmailToken(user.id, 'reset-password', 0.001);
  const seed: RecoverySeed = { username, codes, expiredToken };
  console.log(JSON.stringify(seed));
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
