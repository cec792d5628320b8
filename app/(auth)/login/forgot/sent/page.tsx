import Link from 'next/link';
import { RESET_LIFETIME_SECONDS } from '@/lib/auth/email-address-tokens';

export const metadata = { title: 'Check your mail · Contact Cards' };

/** The one answer to every request, whether or not an account matched (no enumeration). */
export default function ForgotSentPage() {
  return (
    <section className="narrow">
      <h1>Check your mail</h1>
      <p>
        If an account with a verified email address matches what you typed, we have sent a link to
        that address. It works once, for {RESET_LIFETIME_SECONDS / 60} minutes.
      </p>
      <p>
        Nothing arrived? Check your spam folder, or{' '}
        <Link href="/login/recover">use a recovery code</Link>.
      </p>
      <p>
        <Link href="/login">Back to log in</Link>
      </p>
    </section>
  );
}
