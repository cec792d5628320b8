import { SyncSettings } from './sync-settings';
import styles from './sync.module.css';

/**
 * Step-by-step text for the common CardDAV clients. Plain <details>: works without JavaScript.
 * Menu paths are the ones the programs showed in 2026; they move between versions, so each
 * step also says what to look for.
 */
export function SetUpSync({
  serverUrl,
  username,
  addressBookUrl,
  mobileconfigPath,
}: {
  serverUrl: string;
  username: string;
  addressBookUrl: string;
  mobileconfigPath: string;
}) {
  return (
    <div className={styles.steps}>
      <SyncSettings
        serverUrl={serverUrl}
        username={username}
        password="an app password from above (not your account password)"
      />
      <p>
        <a href={mobileconfigPath} download>
          Download the configuration profile for iPhone, iPad and Mac
        </a>{' '}
        (.mobileconfig: the server and username, without any password).
      </p>

      <details>
        <summary>iPhone and iPad</summary>
        <p>
          Easiest: open this page in Safari on the device, download the configuration profile above,
          then Settings → Profile Downloaded → Install, and enter an app password when asked.
        </p>
        <p>Or by hand:</p>
        <ol>
          <li>Settings → Contacts → Accounts → Add Account → Other → Add CardDAV Account.</li>
          <li>
            Server: <code>{serverUrl}</code>
          </li>
          <li>
            User Name: <code>{username}</code>; Password: an app password.
          </li>
          <li>Tap Next; the address book appears in Contacts.</li>
        </ol>
      </details>

      <details>
        <summary>Mac</summary>
        <p>
          Download the configuration profile above, open it, then install it in System Settings
          (General → Device Management, or Privacy &amp; Security → Profiles) and enter an app
          password when asked.
        </p>
        <p>
          Or in Contacts: Contacts → Settings → Accounts → + → Other Contacts Account → CardDAV,
          account type Manual, with the username, an app password and the server address above.
        </p>
      </details>

      <details>
        <summary>Android (DAVx⁵)</summary>
        <ol>
          <li>Install DAVx⁵ (F-Droid or Google Play) and tap + to add an account.</li>
          <li>
            Choose “Login with URL and user name”. Base URL: <code>{serverUrl}</code>
          </li>
          <li>
            User name: <code>{username}</code>; Password: an app password.
          </li>
          <li>Create the account, then tick the “Contacts” address book to sync it.</li>
        </ol>
      </details>

      <details>
        <summary>Thunderbird</summary>
        <ol>
          <li>Address Book → New Address Book → Add CardDAV Address Book.</li>
          <li>
            Username: <code>{username}</code>; Location: <code>{serverUrl}</code>
          </li>
          <li>Enter an app password when asked, and choose the “Contacts” address book.</li>
        </ol>
        <p>
          Older Thunderbird versions: use the TbSync add-on (with its CalDAV &amp; CardDAV provider)
          or CardBook, with the same server, username and app password.
        </p>
      </details>

      <details>
        <summary>Evolution (GNOME)</summary>
        <p>
          File → New → Address Book, type CardDAV, URL <code>{serverUrl}</code>, user{' '}
          <code>{username}</code>; “Find Address Books” lists “Contacts”. If it does not, use the
          address book’s own URL: <code>{addressBookUrl}</code>
        </p>
      </details>

      <details>
        <summary>vdirsyncer (command line)</summary>
        <p>A storage section for the server side of a pair:</p>
        <pre>
          <code>{`[storage contacts_remote]
type = "carddav"
url = "${serverUrl}"
username = "${username}"
password = "your app password"`}</code>
        </pre>
        <p>
          Then <code>vdirsyncer discover</code> and <code>vdirsyncer sync</code>.
        </p>
      </details>
    </div>
  );
}
