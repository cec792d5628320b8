import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/session';
import { RegisterForm } from './register-form';

export const metadata = { title: 'Create an account · Contact Cards' };

export default async function RegisterPage() {
  if (await verifySession()) redirect('/');
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <RegisterForm />
    </section>
  );
}
