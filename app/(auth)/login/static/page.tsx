import { LoginSection } from '../login-section';

export const metadata = { title: 'Log in · Contact Cards' };

// Rendered once, at build time: nothing on it depends on the visitor. A plain /login (no session,
// no waiting message, no query) gets it, with a CSP that allows its inline scripts by their hashes:
// from the custom server itself when the visitor brings no cookie at all (server/static-login.ts),
// else through middleware.ts. A page rendered per request cannot be this cheap (ADR 008).
export const dynamic = 'force-static';

export default function StaticLoginPage() {
  return <LoginSection next="" />;
}
