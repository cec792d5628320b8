import type { ReactNode } from 'react';
import styles from './sync.module.css';

/** The three things every CardDAV client asks for; `password` is the secret or where to find one. */
export function SyncSettings({
  serverUrl,
  username,
  password,
}: {
  serverUrl: string;
  username: string;
  password: ReactNode;
}) {
  return (
    <dl className={styles.settings}>
      <dt>Server</dt>
      <dd>
        <code>{serverUrl}</code>
      </dd>
      <dt>Username</dt>
      <dd>
        <code>{username}</code>
      </dd>
      <dt>Password</dt>
      <dd>{password}</dd>
    </dl>
  );
}
