'use client';

import { useState } from 'react';
import { NO_RELYING_PARTY } from '@/lib/auth/passkeys-limits';
import { useWebAuthnSupport } from '@/lib/auth/webauthn-support';
import { confirmPasskeyOptionsAction, confirmWithPasskeyAction } from './passkey-actions';

/** The button that asks for one of the user's passkeys; shown once the script runs. */
export function ConfirmPasskeyButton({ next }: { next: string }) {
  const support = useWebAuthnSupport();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');

  async function onClick() {
    setPending(true);
    setMessage('');
    try {
      const options = await confirmPasskeyOptionsAction();
      if (!options) return setMessage('Passkeys cannot be used at this address.');
      const { startAuthentication } = await import('@simplewebauthn/browser');
      let credential;
      try {
        credential = await startAuthentication({ optionsJSON: options });
      } catch {
        return setMessage('No passkey was used. Try again, or use your password.');
      }
      // Success redirects to `next`; only a refusal comes back.
      const result = await confirmWithPasskeyAction({
        credential: JSON.stringify(credential),
        next,
      });
      if (result?.message) setMessage(result.message);
    } finally {
      setPending(false);
    }
  }

  if (support === 'no-script') {
    return <p className="muted">Confirming with a passkey needs JavaScript.</p>;
  }
  if (support === 'no-webauthn') return <p className="muted">This browser cannot use passkeys.</p>;
  if (support === 'ip-address') return <p className="muted">{NO_RELYING_PARTY}</p>;
  return (
    <>
      <div role="alert">{message ? <p className="form-error">{message}</p> : null}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClick} disabled={pending}>
          Confirm with a passkey
        </button>
      </div>
    </>
  );
}
