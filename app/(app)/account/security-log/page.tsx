import Link from 'next/link';
import { UtcTime } from '@/components/utc-time';
import {
  listSecurityEvents,
  SECURITY_EVENT_KINDS,
  SECURITY_LOG_DAYS,
} from '@/lib/auth/security-log';
import { requireSession } from '@/lib/auth/session';
import { describeUserAgent } from '@/lib/auth/user-agent';

export const metadata = { title: 'Security log · Contact Cards' };

/** The account's security log: the last 50 events of the last 90 days, newest first. */
export default async function SecurityLogPage() {
  const session = await requireSession();
  const events = await listSecurityEvents(session.user.id);
  return (
    <section className="account">
      <p>
        <Link href="/account">Back to your account</Link>
      </p>
      <h1>Security log</h1>
      <p className="muted">
        Sign-ins and changes to how you sign in, for {SECURITY_LOG_DAYS} days. Something you do not
        recognise? Change your password and revoke the sessions you do not know.
      </p>
      {events.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Security events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Where</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    {SECURITY_EVENT_KINDS[e.kind as keyof typeof SECURITY_EVENT_KINDS] ?? e.kind}
                    {e.detail ? <span className="muted">: {e.detail}</span> : null}
                  </td>
                  <td>
                    {e.userAgent ? describeUserAgent(e.userAgent) : 'Unknown browser'}
                    {e.clientAddress ? (
                      <span className="muted"> from {e.clientAddress}</span>
                    ) : null}
                  </td>
                  <td>
                    <UtcTime date={e.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
