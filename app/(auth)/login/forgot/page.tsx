import Link from 'next/link';
import { connection } from 'next/server';
import { mailEnabled } from '@/lib/mail/send';
import { ForgotForm } from './forgot-form';

export const metadata = { title: 'Forgot password · Contact Cards' };

/** Asks for a username or address; without mail on this server, points to the recovery codes. */
export default async function ForgotPage() {
  // Read per request: the build has no SMTP_URL.
  await connection();
  if (!mailEnabled()) {
    return (
      <section className="narrow">
        <h1>Forgot password</h1>
        <p>
          Mail is not set up on this server, so no reset link can be sent. If you saved recovery
          codes, <Link href="/login/recover">use a recovery code</Link>; otherwise ask the server’s
          operator for a reset link.
        </p>
        <p>
          <Link href="/login">Back to log in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Forgot password</h1>
      <p>
        Type your username or the email address you verified on your account. If it has a verified
        address, we send a link there to choose a new password.
      </p>
      <ForgotForm />
      <p>
        No email address on your account? <Link href="/login/recover">Use a recovery code</Link>.
      </p>
    </section>
  );
}
