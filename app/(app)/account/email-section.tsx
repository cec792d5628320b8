import { UtcTime } from '@/components/utc-time';
import { getEmailStatus } from '@/lib/auth/email-address';
import { mailEnabled } from '@/lib/mail/send';
import { removeEmailAction } from './email-actions';
import { EmailForm } from './email-form';

/**
 * The account page's "Email address" section: the verified address used for password resets,
 * with ways to change or remove it. Without mail on the server, only what can work is offered.
 */
export async function EmailSection({ userId }: { userId: string }) {
  const [{ email, verifiedAt }, mail] = [await getEmailStatus(userId), mailEnabled()];
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">Email address</h2>
      {email ? (
        <p>
          Password reset links go to <strong data-testid="verified-email">{email}</strong>
          {verifiedAt ? (
            <>
              , verified <UtcTime date={verifiedAt} />
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>
          Optional: an address you have confirmed lets you reset a forgotten password by email. It
          is used for nothing else.
        </p>
      )}
      {mail ? (
        <EmailForm current={email} />
      ) : (
        <p className="muted">
          Mail is not set up on this server, so an address cannot be added or confirmed. Recovery
          codes are the way back in here.
        </p>
      )}
      {email ? (
        <form action={removeEmailAction}>
          <button type="submit" className="danger">
            Remove email address
          </button>
        </form>
      ) : null}
    </section>
  );
}
