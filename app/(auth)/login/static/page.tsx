import { LoginSection } from '../login-section';

export const metadata = { title: 'Log in · Contact Cards' };

// Rendered once, at build time: nothing on it depends on the visitor. middleware.ts serves it for
// a plain /login (no session, no waiting message, no query) with a CSP that allows its inline
// scripts by their hashes (server/static-login.ts), as a page rendered per request cannot be
// this cheap (docs/decisions/008-performance.md).
export const dynamic = 'force-static';

export default function StaticLoginPage() {
  return <LoginSection next="" />;
}
