import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/session';
import { Icon } from './icon';
import { NavLink } from './nav-link';

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
          <Icon name="contacts" />
          Contact Cards
        </Link>
        {/* Signed out, every page but these two leads to the login page: only they are offered. */}
        {user ? (
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink href="/">Home</NavLink>
              </li>
              <li>
                <NavLink href="/contacts">Contacts</NavLink>
              </li>
              <li>
                <NavLink href="/birthdays">Birthdays</NavLink>
              </li>
              <li>
                <NavLink href="/contacts/new">Add contact</NavLink>
              </li>
              <li>
                <NavLink href="/contacts/labels">Labels</NavLink>
              </li>
              <li>
                <NavLink href="/contacts/trash">Trash</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className="account-nav">
          {user ? (
            <>
              <span className="signed-in-as">
                Signed in as <strong>{user.username}</strong>
              </span>
              <NavLink href="/account">Account</NavLink>
              <form action={logoutAction}>
                <button type="submit" className="link-button">
                  Log out
                </button>
              </form>
            </>
          ) : (
            <>
              <NavLink href="/login">Log in</NavLink>
              <NavLink href="/register">Register</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
