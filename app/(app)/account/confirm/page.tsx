import { requireSession } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { ConfirmCodeForm } from './confirm-code-form';
import { ConfirmPasskey } from './confirm-passkey';
import { ConfirmPasswordForm } from './confirm-password-form';

export const metadata = { title: 'Confirm it is you · Contact Cards' };

/**
 * Re-authentication before a security change (lib/auth/recent-auth.ts): the password here; a
 * one-time code or a passkey where the account has them.
 */
export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const session = await requireSession();
  const { next } = await searchParams;
  const back = safeNextPath(Array.isArray(next) ? next[0] : next);
  return (
    <section className="narrow">
      <h1>Confirm it is you</h1>
      <p>
        Security changes need a recent sign-in. Confirm with your password to go on; you will not be
        asked again for the next few minutes.
      </p>
      <ConfirmPasswordForm
        username={session.user.username}
        next={back === '/' ? '/account' : back}
      />
      <ConfirmCodeForm userId={session.user.id} next={back === '/' ? '/account' : back} />
      <ConfirmPasskey userId={session.user.id} next={back === '/' ? '/account' : back} />
    </section>
  );
}
