import Link from 'next/link';
import { UtcTime } from '@/components/utc-time';
import { unusedRecoveryCodes } from '@/lib/auth/recovery-codes';
import { totpEnabledAt } from '@/lib/auth/totp';

/** "Two-step sign-in" on /account: whether one-time codes are on, and the ways to change it. */
export async function TwoFactorSection({ userId }: { userId: string }) {
  const enabledAt = await totpEnabledAt(userId);
  const left = enabledAt ? await unusedRecoveryCodes(userId) : 0;
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-step sign-in</h2>
      {enabledAt ? (
        <>
          <p>
            On since <UtcTime date={enabledAt} />: signing in takes your password and a code from
            your authenticator app. You have {left} recovery code{left === 1 ? '' : 's'} left.
          </p>
          <ul>
            <li>
              <Link href="/account/two-factor/recovery-codes">Make new recovery codes</Link>
            </li>
            <li>
              <Link href="/account/two-factor/disable">Turn off two-step sign-in</Link>
            </li>
          </ul>
        </>
      ) : (
        <>
          <p>
            Off. With it on, signing in also takes a 6-digit code from an authenticator app on your
            phone, so your password alone is not enough.
          </p>
          <p>
            <Link href="/account/two-factor">Set up two-step sign-in</Link>
          </p>
        </>
      )}
    </section>
  );
}
