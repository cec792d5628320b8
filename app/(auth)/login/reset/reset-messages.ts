export const DEAD_LINK =
  'This reset link has expired or has already been used. Ask for a new one from “Forgot password?” on the login page.';

/** The login page's message after a reset (by link or recovery code). */
export function resetDoneMessage(revokedAppPasswords: number): string {
  const revoked =
    revokedAppPasswords === 0
      ? ''
      : ` ${revokedAppPasswords} app password${revokedAppPasswords === 1 ? ' was' : 's were'} revoked: set up sync again with new ones.`;
  return `Your password has been reset and every session signed out.${revoked} Log in with the new password.`;
}
