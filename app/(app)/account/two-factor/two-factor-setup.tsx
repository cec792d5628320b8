'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { confirmEnrolmentAction, startEnrolmentAction, type RecoveryCodesState } from './actions';
import { RecoveryCodesList } from './recovery-codes-list';
import styles from './two-factor.module.css';

const initialState: RecoveryCodesState = { errors: {}, values: {} };

interface SetupProps {
  /** Codes are on already. */
  enabled: boolean;
  /** The seed being set up (from its sealed cookie): its QR code as SVG, and grouped text. */
  setup: { qrSvg: string; secret: string } | null;
}

/**
 * Setting up codes, in three states: a button that starts, the QR code with the key and a code
 * field, and the recovery codes once the code was right. One component holds them all, so the
 * codes (in the action's state) are shown in the response that made them, with or without
 * JavaScript, and never again.
 */
export function TwoFactorSetup({ enabled, setup }: SetupProps) {
  const [state, action, pending] = useActionState(confirmEnrolmentAction, initialState);
  if (state.codes) {
    return (
      <div aria-live="polite">
        <p role="status">Two-step sign-in is on.</p>
        <RecoveryCodesList codes={state.codes} />
        <p>
          <Link href="/account">Done: back to your account</Link>
        </p>
      </div>
    );
  }
  if (enabled) {
    return (
      <>
        <p>Two-step sign-in is on.</p>
        <ul>
          <li>
            <Link href="/account/two-factor/recovery-codes">Make new recovery codes</Link>
          </li>
          <li>
            <Link href="/account/two-factor/disable">Turn off two-step sign-in</Link>
          </li>
        </ul>
      </>
    );
  }
  if (!setup) {
    return (
      <>
        <FormMessage message={state.message} />
        <p>
          With two-step sign-in, signing in takes your password and a 6-digit code from an
          authenticator app on your phone (such as Aegis, Google Authenticator, 1Password or
          Microsoft Authenticator). Someone who learns your password still cannot get in.
        </p>
        <form action={startEnrolmentAction}>
          <button type="submit">Set up two-step sign-in</button>
        </form>
      </>
    );
  }
  return (
    <>
      <ol className="stack">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <figure className={styles.figure}>
            <div
              className={styles.qr}
              role="img"
              aria-label="QR code for your authenticator app"
              // Markup drawn from the code's modules alone (lib/contacts/share/qr-svg.ts).
              dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
            />
            <figcaption>
              Cannot scan it? Enter this key in the app instead (time-based, 6 digits):{' '}
              <code className={styles.secret} data-testid="totp-secret">
                {setup.secret}
              </code>
            </figcaption>
          </figure>
        </li>
        <li>
          <p>Enter the code the app shows, to prove it is set up.</p>
          <form action={action} className="stack" noValidate>
            <FormMessage message={state.message} />
            <Field
              name="code"
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              required
              errors={state.errors.code}
            />
            <FormActions
              submit="Turn on two-step sign-in"
              pending={pending}
              link={{ href: '/account', label: 'Cancel' }}
            />
          </form>
        </li>
      </ol>
    </>
  );
}
