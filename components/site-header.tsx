import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/session';

interface SiteHeaderProps {
  user: CurrentUser | null;
  /** The log-out server action (app/(auth)/actions.ts): components import nothing from app/. */
  logoutAction: (formData: FormData) => Promise<void>;
}

export function SiteHeader({ user, logoutAction }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-name">
          Contact Cards
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href="/contacts">Contacts</Link>
            </li>
            <li>
              <Link href="/contacts/new">Add contact</Link>
            </li>
            <li>
              <Link href="/contacts/labels">Labels</Link>
            </li>
            <li>
              <Link href="/contacts/trash">Trash</Link>
            </li>
          </ul>
        </nav>
        <div className="account-nav">
          {user ? (
            <>
              <span className="signed-in-as">
                Signed in as <strong>{user.username}</strong>
              </span>
              <Link href="/account">Account</Link>
              <form action={logoutAction}>
                <button type="submit" className="link-button">
                  Log out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login">Log in</Link>
              <Link href="/register">Create an account</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
