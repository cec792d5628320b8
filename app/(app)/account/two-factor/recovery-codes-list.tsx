import styles from './two-factor.module.css';

/** New recovery codes, shown in this one response only: never stored in clear, never again. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <section className={styles.codes} aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <p>
        <strong>Save these now: they are shown only this once.</strong> Each one signs you in once
        if you lose your phone. Keep them somewhere safe, such as a password manager or on paper.
      </p>
      <ol className={styles.list} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
