import Link from 'next/link';
import { verifySession } from '@/lib/auth/session';
import { logoutAction } from '../actions';

export const metadata = { title: 'Log out · Contact Cards' };

/** Old links to /logout land here; signing out takes the button (a POST), never the GET. */
export default async function LogoutPage() {
  const session = await verifySession();
  return (
    <section className="narrow">
      <h1>Log out</h1>
      {session ? (
        <form action={logoutAction}>
          <p>
            You are signed in as <strong>{session.user.username}</strong>.
          </p>
          <button type="submit">Log out</button>
        </form>
      ) : (
        <p>
          You are not signed in. <Link href="/login">Log in</Link>
        </p>
      )}
    </section>
  );
}
