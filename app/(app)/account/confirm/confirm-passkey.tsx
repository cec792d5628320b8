import { countPasskeys } from '@/lib/auth/passkeys';
import { ConfirmPasskeyButton } from './confirm-passkey-button';

/** "Or use a passkey" on the confirmation page, for an account that has one. */
export async function ConfirmPasskey({ userId, next }: { userId: string; next: string }) {
  if ((await countPasskeys(userId)) === 0) return null;
  return (
    <section aria-labelledby="confirm-passkey-heading" className="stack">
      <h2 id="confirm-passkey-heading">Or use a passkey</h2>
      <ConfirmPasskeyButton next={next} />
    </section>
  );
}
