import { useSyncExternalStore } from 'react';

/**
 * Whether this page can offer passkeys, for the passkey components. Decided in the browser, from
 * the address it is really at: the server may render a page for an internal request (the target
 * of a server action's redirect) under another Host than the browser's.
 * - 'no-script': the server's render, and what stays on the page without JavaScript;
 * - 'no-webauthn': a browser without WebAuthn;
 * - 'ip-address': the site was opened by an IP address, which browsers refuse as an RP ID;
 * - 'available'.
 */
export type WebAuthnSupport = 'no-script' | 'no-webauthn' | 'ip-address' | 'available';

const noSubscription = () => () => {};

function browserSupport(): WebAuthnSupport {
  if (typeof window.PublicKeyCredential !== 'function') return 'no-webauthn';
  const host = window.location.hostname;
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[') ? 'ip-address' : 'available';
}

/** 'no-script' on the server and while hydrating; then what this browser at this address allows. */
export function useWebAuthnSupport(): WebAuthnSupport {
  return useSyncExternalStore(noSubscription, browserSupport, () => 'no-script');
}
