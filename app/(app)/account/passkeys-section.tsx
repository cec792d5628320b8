import { UtcTime } from '@/components/utc-time';
import { listPasskeys } from '@/lib/auth/passkeys';
import { PasskeysAddForm } from './passkeys-add-form';
import { removePasskeyAction } from './passkeys-actions';

/** The account's passkeys: each with when it was added and last used, and a Remove button. */
export async function PasskeysSection({ userId }: { userId: string }) {
  const passkeys = await listPasskeys(userId);
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p className="muted">
        A passkey signs you in with this device’s fingerprint, face or PIN instead of your password,
        and cannot be phished.
      </p>
      {passkeys.length === 0 ? (
        <p className="muted">No passkeys yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>
                    <UtcTime date={p.createdAt} />
                  </td>
                  <td>{p.lastUsedAt ? <UtcTime date={p.lastUsedAt} /> : 'Never used'}</td>
                  <td>
                    <form action={removePasskeyAction}>
                      <input type="hidden" name="passkeyId" value={p.id} />
                      <button type="submit" className="secondary">
                        Remove<span className="visually-hidden">{` the passkey ${p.name}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PasskeysAddForm />
    </section>
  );
}
