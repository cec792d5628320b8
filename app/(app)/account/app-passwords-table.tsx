import { UtcTime } from '@/components/utc-time';
import type { AppPasswordSummary } from '@/lib/auth/app-passwords';
import { revokeAppPasswordAction } from './app-password-actions';

/** The user's app passwords (never their secrets), each with a Revoke button. */
export function AppPasswordsTable({ passwords }: { passwords: AppPasswordSummary[] }) {
  if (passwords.length === 0) {
    return <p className="muted">No app passwords yet: no phone or program can sync.</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">App passwords for sync clients</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {passwords.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>
                <UtcTime date={p.createdAt} />
              </td>
              <td>
                {p.lastUsedAt ? (
                  <>
                    <UtcTime date={p.lastUsedAt} />
                    {p.lastUsedFrom ? <> from {p.lastUsedFrom}</> : null}
                  </>
                ) : (
                  'Never used'
                )}
              </td>
              <td>
                <form action={revokeAppPasswordAction}>
                  <input type="hidden" name="appPasswordId" value={p.id} />
                  <button type="submit" className="secondary">
                    Revoke<span className="visually-hidden">{` the app password ${p.name}`}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
