import { RecoverForm } from './recover-form';

export const metadata = { title: 'Use a recovery code · Contact Cards' };

/** The way back in without mail: one of the recovery codes saved with two-step sign-in. */
export default function RecoverPage() {
  return (
    <section className="narrow">
      <h1>Use a recovery code</h1>
      <p>
        Forgot your password? If you saved recovery codes when you turned on two-step sign-in, one
        of them lets you choose a new password. The code is used up, every device signed in to the
        account is logged out and its app passwords (sync) are revoked.
      </p>
      <RecoverForm />
    </section>
  );
}
