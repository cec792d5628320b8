import { UtcTime } from '@/components/utc-time';
import {
  listSecurityEvents,
  SECURITY_EVENT_KINDS,
  SECURITY_LOG_DAYS,
} from '@/lib/auth/security-log';
import { describeUserAgent } from '@/lib/auth/user-agent';

/** The account's security log: the last 50 events of the last 90 days, newest first. */
export async function SecurityLogSection({ userId }: { userId: string }) {
  const events = await listSecurityEvents(userId);
  return (
    <section aria-labelledby="security-log-heading">
      <h2 id="security-log-heading">Security log</h2>
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
