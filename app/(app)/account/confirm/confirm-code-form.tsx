import { totpEnabledAt } from '@/lib/auth/totp';
import { ConfirmCodeFields } from './confirm-code-fields';

/** "Or enter a code from your authenticator app": only for accounts with one-time codes. */
export async function ConfirmCodeForm({ userId, next }: { userId: string; next: string }) {
  if (!(await totpEnabledAt(userId))) return null;
  return (
    <section aria-labelledby="confirm-code-heading">
      <h2 id="confirm-code-heading">Or enter a code from your authenticator app</h2>
      <ConfirmCodeFields next={next} />
    </section>
  );
}
