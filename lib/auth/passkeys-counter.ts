/**
 * The signature counter rule (WebAuthn §6.1.1, step 22 of §7.2): an authenticator that counts
 * sends a larger number each time. One that is not larger than the number stored (when either is
 * non-zero) comes from a copy of the key that has been used elsewhere, or from a replay: refused.
 * Both zero is an authenticator that does not count (most synced passkeys): nothing to compare.
 */
export function isCounterRegression(stored: number, received: number): boolean {
  return (stored > 0 || received > 0) && received <= stored;
}
