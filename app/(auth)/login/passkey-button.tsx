'use client';

import { useEffect, useRef, useState } from 'react';
import { useWebAuthnSupport } from '@/lib/auth/webauthn-support';
import { passkeySignInAction, passkeySignInOptionsAction } from './passkey-actions';

/** The login form's "Remember me", which a passkey sign-in follows too (false without it). */
function rememberChecked(): boolean {
  return document.querySelector<HTMLInputElement>('input[name="remember"]')?.checked ?? false;
}

// The WebAuthn library loads only here, when it is needed, not with the login page.
const webauthn = () => import('@simplewebauthn/browser');

/**
 * "Sign in with a passkey" (a discoverable credential: no username), and the same passkeys
 * offered in the username field's autofill where the browser can (conditional mediation; the
 * field has autocomplete="username webauthn"). The button appears only once the script runs in
 * a browser that has WebAuthn; without JavaScript the page says passkeys need it, and the
 * password form works as before.
 */
export function PasskeyButton({ next }: { next: string }) {
  const support = useWebAuthnSupport();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const mounted = useRef(true);
  const library = useRef<Awaited<ReturnType<typeof webauthn>> | null>(null);
  const autofill = useRef<{ cancelled: boolean; options?: Promise<unknown> }>({
    cancelled: false,
  });

  async function finish(credential: unknown) {
    const result = await passkeySignInAction({
      credential: JSON.stringify(credential),
      remember: rememberChecked(),
      next,
    });
    // Success redirects; only a refusal comes back.
    if (mounted.current && result?.message) setMessage(result.message);
  }

  useEffect(() => {
    mounted.current = true;
    if (support !== 'available') return;
    void (async () => {
      if (!(await window.PublicKeyCredential.isConditionalMediationAvailable?.())) return;
      library.current = await webauthn();
      const { startAuthentication } = library.current;
      // No autofill request once the button has been pressed: it would take over the ceremony.
      if (autofill.current.cancelled) return;
      const request = passkeySignInOptionsAction();
      autofill.current.options = request;
      const options = await request;
      if (!options || !mounted.current || autofill.current.cancelled) return;
      try {
        await finish(await startAuthentication({ optionsJSON: options, useBrowserAutofill: true }));
      } catch {
        // Aborted when the button starts its own request, or the page is left: nothing to say.
      }
    })();
    return () => {
      mounted.current = false;
      library.current?.WebAuthnAbortService.cancelCeremony();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page: `next` is fixed
  }, [support]);

  async function onClick() {
    setPending(true);
    setMessage('');
    autofill.current.cancelled = true;
    try {
      // The browser holds one ceremony cookie: the autofill's challenge must be set before ours.
      await autofill.current.options?.catch(() => null);
      const { startAuthentication } = await webauthn();
      const options = await passkeySignInOptionsAction();
      if (!options) {
        setMessage('Passkeys cannot be used at this address.');
        return;
      }
      let credential;
      try {
        credential = await startAuthentication({ optionsJSON: options });
      } catch {
        setMessage('No passkey was used. Try again, or use your password.');
        return;
      }
      await finish(credential);
    } finally {
      if (mounted.current) setPending(false);
    }
  }

  if (support === 'no-script') {
    return (
      <p className="muted">
        Signing in with a passkey needs JavaScript. Your username and password work without it.
      </p>
    );
  }
  if (support !== 'available') return null;
  return (
    <div className="stack">
      <div role="alert">{message ? <p className="form-error">{message}</p> : null}</div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClick} disabled={pending}>
          Sign in with a passkey
        </button>
      </div>
    </div>
  );
}
