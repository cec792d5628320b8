import { redirect } from 'next/navigation';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { unusedRecoveryCodes } from '@/lib/auth/recovery-codes';
import { requireSession } from '@/lib/auth/session';
import { totpEnabledAt } from '@/lib/auth/totp';
import { RegenerateForm } from './regenerate-form';

export const metadata = { title: 'Recovery codes · Contact Cards' };

/** New recovery codes for an account with one-time codes; needs a recent sign-in. */
export default async function RecoveryCodesPage() {
  const session = requireRecentAuth(await requireSession(), '/account/two-factor/recovery-codes');
  if (!(await totpEnabledAt(session.user.id))) redirect('/account/two-factor');
  return (
    <section className="narrow">
      <h1>Recovery codes</h1>
      <RegenerateForm left={await unusedRecoveryCodes(session.user.id)} />
    </section>
  );
}
