import Link from 'next/link';
import { redirect } from 'next/navigation';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { verifySession } from '@/lib/auth/session';
import { CodeForm } from './code-form';

export const metadata = { title: 'Enter your code · Contact Cards' };

/**
 * The sign-in's second step, for accounts with one-time codes: reachable only with a pending
 * sign-in (lib/auth/pending-sign-in.ts), which the right password starts. Plain forms and
 * links: it works without JavaScript.
 */
export default async function SignInCodePage({
  searchParams,
}: {
  searchParams: Promise<{ method?: string | string[] }>;
}) {
  if (await verifySession()) redirect('/');
  if (!(await readPendingSignIn())) redirect('/login');
  const { method } = await searchParams;
  const recovery = (Array.isArray(method) ? method[0] : method) === 'recovery';
  return (
    <section className="narrow">
      <h1>Two-step sign-in</h1>
      {recovery ? (
        <>
          <p>Lost your phone? Enter one of the recovery codes you saved when you set up codes.</p>
          {/* Keyed, so switching forms never carries one form's state into the other. */}
          <CodeForm key="recovery" method="recovery" />
          <p>
            <Link href="/login/code">Use your authenticator app instead</Link>
          </p>
        </>
      ) : (
        <>
          <p>Your password was right. Now open your authenticator app for the second step.</p>
          <CodeForm key="totp" method="totp" />
          <p>
            <Link href="/login/code?method=recovery">Use a recovery code instead</Link>
          </p>
        </>
      )}
    </section>
  );
}
