import Link from 'next/link';
import { LoginForm } from './login-form';
import { PasskeyButton } from './passkey-button';

/** The login page's content, per request (page.tsx) and prerendered (static/page.tsx). */
export function LoginSection({ next, notice }: { next: string; notice?: React.ReactNode }) {
  return (
    <section className="narrow">
      <h1>Log in</h1>
      {notice}
      {/* The action re-checks next with safeNextPath; only the first value of a repeated parameter counts. */}
      <LoginForm next={next} />
      <PasskeyButton next={next} />
      <p>
        <Link href="/login/forgot">Forgot password?</Link> ·{' '}
        <Link href="/login/recover">Use a recovery code</Link>
      </p>
    </section>
  );
}
