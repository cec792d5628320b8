import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/session';
import { LoginForm } from './login-form';

export const metadata = { title: 'Log in · Contact Cards' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  if (await verifySession()) redirect('/');
  const { next } = await searchParams;
  return (
    <section className="narrow">
      <h1>Log in</h1>
      {/* The action re-checks next with safeNextPath; only the first value of a repeated parameter counts. */}
      <LoginForm next={(Array.isArray(next) ? next[0] : next) ?? ''} />
    </section>
  );
}
