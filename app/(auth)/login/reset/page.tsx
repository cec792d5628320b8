import Link from 'next/link';
import { connection } from 'next/server';
import { getUserById } from '@/lib/auth/accounts';
import { findEmailToken } from '@/lib/auth/email-address-tokens';
import { ResetForm } from './reset-form';

// The token is in this page's address: a Referer from here carries the origin only, never the
// path and query. ('no-referrer' would also make the form's POST send `Origin: null`, which the
// cross-site check in middleware.ts rightly refuses.)
export const metadata = {
  title: 'Choose a new password · Contact Cards',
  referrer: 'strict-origin' as const,
};

/**
 * Where a reset link lands (mailed, or printed by `npm run user:reset-password`). Loading it only
 * looks the token up, so a mail scanner that follows links uses nothing; the form's POST uses it.
 */
export default async function ResetPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  await connection();
  const { token: raw } = await searchParams;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const row = token ? await findEmailToken(token, 'reset-password') : null;
  const user = row ? await getUserById(row.userId) : undefined;
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {user ? (
        <>
          <p>
            For the account <strong>{user.username}</strong>. Once it is set, every device signed in
            to the account is logged out and its app passwords (sync) are revoked.
          </p>
          <ResetForm token={token} username={user.username} />
        </>
      ) : (
        <>
          <p className="form-error">
            This reset link has expired or has already been used. A link works once, for 15 minutes,
            and not after the password has changed.
          </p>
          <p>
            <Link href="/login/forgot">Ask for a new link</Link> or{' '}
            <Link href="/login/recover">use a recovery code</Link>.
          </p>
        </>
      )}
    </section>
  );
}
