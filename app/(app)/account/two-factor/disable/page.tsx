import { redirect } from 'next/navigation';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { requireSession } from '@/lib/auth/session';
import { totpEnabledAt } from '@/lib/auth/totp';
import { DisableForm } from './disable-form';

export const metadata = { title: 'Turn off two-step sign-in · Contact Cards' };

/** Turning one-time codes off; needs a recent sign-in, the password and a code. */
export default async function DisableTwoFactorPage() {
  const session = requireRecentAuth(await requireSession(), '/account/two-factor/disable');
  if (!(await totpEnabledAt(session.user.id))) redirect('/account');
  return (
    <section className="narrow">
      <h1>Turn off two-step sign-in</h1>
      <p>
        Without it, your password alone signs you in. Your recovery codes stop working. Confirm with
        your password and a code.
      </p>
      <DisableForm username={session.user.username} />
    </section>
  );
}
