import { UtcTime } from '@/components/utc-time';
import { describeUserAgent } from '@/lib/auth/user-agent';
import type { SessionSummary } from '@/lib/auth/session';
import { logoutOtherSessionsAction, revokeSessionAction } from './actions';

/** The user's signed-in browsers, each with a Revoke button; revoking this one signs out. */
export function SessionsTable({ sessions }: { sessions: SessionSummary[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Browsers signed in to your account</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Created</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const browser = describeUserAgent(s.userAgent);
              return (
                <tr key={s.id}>
                  <td>
                    {browser}
                    {s.current ? <strong className="badge">This device</strong> : null}
                  </td>
                  <td>
                    <UtcTime date={s.createdAt} />
                  </td>
                  <td>
                    <UtcTime date={s.lastSeenAt} />
                  </td>
                  <td>
                    <form action={revokeSessionAction}>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="secondary">
                        Revoke
                        <span className="visually-hidden">
                          {` ${browser} session${s.current ? ' (this device: logs you out)' : ''}`}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <form action={logoutOtherSessionsAction}>
          <button type="submit" className="secondary">
            Log out other sessions
          </button>
        </form>
      ) : (
        <p className="muted">No other browser is signed in to your account.</p>
      )}
    </>
  );
}
