import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * For the passkey components: true once hydrated in a browser that has WebAuthn; false on the
 * server and while hydrating, so no button is ever sent that could not work without the script.
 */
export function useWebAuthnSupport(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => typeof window.PublicKeyCredential === 'function',
    () => false,
  );
}
