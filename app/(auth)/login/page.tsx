import Link from 'next/link';
import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/session';
import { readSessionEndReason, SESSION_END_MESSAGES } from '@/lib/auth/session-endings';
import { LoginForm } from './login-form';
import { PasskeyButton } from './passkey-button';

export const metadata = { title: 'Log in · Contact Cards' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; ended?: string | string[] }>;
}) {
  if (await verifySession()) redirect('/');
  const { next, ended } = await searchParams;
  // Only a reason from the fixed list is shown: the URL can carry no text of its own onto the page.
  const reason = readSessionEndReason(ended);
  return (
    <section className="narrow">
      <h1>Log in</h1>
      {reason ? <p className="flash flash-info">{SESSION_END_MESSAGES[reason]}</p> : null}
      {/* The action re-checks next with safeNextPath; only the first value of a repeated parameter counts. */}
      <LoginForm next={(Array.isArray(next) ? next[0] : next) ?? ''} />
      <PasskeyButton next={(Array.isArray(next) ? next[0] : next) ?? ''} />
      <p>
        <Link href="/login/forgot">Forgot password?</Link> ·{' '}
        <Link href="/login/recover">Use a recovery code</Link>
      </p>
    </section>
  );
}
