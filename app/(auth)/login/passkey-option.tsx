import { relyingParty } from '@/lib/auth/webauthn';
import { PasskeyButton } from './passkey-button';

/**
 * The login page's passkey option: the button for browsers running the script, a short note for
 * those that are not (passkeys are JavaScript only: the password form works as before). Nothing
 * at an IP address, where browsers refuse passkeys (lib/auth/webauthn.ts).
 */
export async function PasskeyOption({ next }: { next: string }) {
  if (!(await relyingParty())) return null;
  return (
    <section aria-label="Passkey" className="stack">
      <PasskeyButton next={next} />
      <noscript>
        <p className="muted">
          Signing in with a passkey needs JavaScript. Your username and password work without it.
        </p>
      </noscript>
    </section>
  );
}
