import Link from 'next/link';
import { headers } from 'next/headers';
import { listAppPasswords } from '@/lib/auth/app-passwords';
import { listSessions, requireSession } from '@/lib/auth/session';
import { usernameKey } from '@/lib/auth/username';
import { requestOrigin } from '@/lib/http/request-origin';
import { BirthdayCalendarSection } from './birthday-calendar-section';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountForm } from './delete-account-form';
import { EmailSection } from './email-section';
import { PasskeysSection } from './passkeys-section';
import { SessionsTable } from './sessions-table';
import { SyncSection } from './sync-section';
import { TwoFactorSection } from './two-factor-section';

export const metadata = { title: 'Account · Contact Cards' };

export default async function AccountPage() {
  const session = await requireSession();
  const [sessions, appPasswords] = await Promise.all([
    listSessions(session),
    listAppPasswords(session.user.id),
  ]);
  return (
    <section className="account">
      <h1>Account</h1>
      <p>
        Signed in as <strong>{session.user.username}</strong>.
      </p>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm username={session.user.username} />
      </section>

      <PasskeysSection userId={session.user.id} />
      <TwoFactorSection userId={session.user.id} />
      <EmailSection userId={session.user.id} />

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Active sessions</h2>
        <SessionsTable sessions={sessions} />
      </section>

      <SyncSection
        origin={requestOrigin(await headers())}
        username={session.user.username}
        usernameKey={usernameKey(session.user.username)}
        passwords={appPasswords}
      />

      <BirthdayCalendarSection userId={session.user.id} />

      <section aria-labelledby="security-log-heading">
        <h2 id="security-log-heading">Security log</h2>
        <p>
          Sign-ins, failed attempts and every change to how you sign in, for 90 days:{' '}
          <Link href="/account/security-log">see the security log</Link>.
        </p>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <p>
          This deletes your account and every contact in it, at once and for good. It cannot be
          undone.
        </p>
        <DeleteAccountForm />
      </section>
    </section>
  );
}
