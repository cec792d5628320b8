import type { AppPasswordSummary } from '@/lib/auth/app-passwords';
import { passwordsTravelUnencrypted, type RequestOrigin } from '@/lib/http/request-origin';
import { AppPasswordsTable } from './app-passwords-table';
import { CreateAppPasswordForm } from './create-app-password-form';
import { SetUpSync } from './set-up-sync';
import styles from './sync.module.css';

const MOBILECONFIG_PATH = '/account/sync/contact-cards.mobileconfig';

/**
 * "Sync with your phone or computer": app passwords (create, list, revoke) and how to connect
 * each kind of client. `origin` is the address this page was reached at (lib/http/request-origin).
 */
export function SyncSection({
  origin,
  username,
  usernameKey,
  passwords,
}: {
  origin: RequestOrigin;
  username: string;
  usernameKey: string;
  passwords: AppPasswordSummary[];
}) {
  const serverUrl = `${origin.origin}/dav/`;
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync with your phone or computer</h2>
      <p>
        Phones and desktop programs (iPhone, Mac, Android with DAVx⁵, Thunderbird) sync your
        contacts over CardDAV. They sign in with your username and an <strong>app password</strong>,
        never your account password. Make one per device, so you can cut off a lost phone alone.
      </p>
      {passwordsTravelUnencrypted(origin) ? (
        <p className={styles.warning} role="note">
          <strong>Warning: this server is reached over plain http.</strong> App passwords, and your
          contacts, would travel over the network unencrypted, readable by anyone on the way. Put
          the server behind TLS (https) before you connect a device; the README shows how.
        </p>
      ) : null}

      <h3>App passwords</h3>
      <CreateAppPasswordForm serverUrl={serverUrl} username={username} />
      <AppPasswordsTable passwords={passwords} />

      <h3>Set up sync</h3>
      <SetUpSync
        serverUrl={serverUrl}
        username={username}
        addressBookUrl={`${origin.origin}/dav/addressbooks/${encodeURIComponent(usernameKey)}/contacts/`}
        mobileconfigPath={MOBILECONFIG_PATH}
      />
    </section>
  );
}
