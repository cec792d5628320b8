import type { Metadata, Viewport } from 'next';
import { Flash } from '@/components/flash';
import { SiteHeader } from '@/components/site-header';
import { TimeZoneCookie } from '@/components/time-zone-cookie';
import { logoutAction } from './(auth)/actions';
import { verifySession } from '@/lib/auth/session';
import './globals.css';
import './print.css';

export const metadata: Metadata = {
  title: 'Contact Cards',
  description: 'Your personal address book.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await verifySession().catch(() => null);
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader user={session?.user ?? null} logoutAction={logoutAction} />
        {session ? <TimeZoneCookie /> : null}
        <main id="main" tabIndex={-1}>
          <Flash />
          {children}
        </main>
        <footer className="site-footer">
          <p>Contact Cards: your address book, kept private.</p>
        </footer>
      </body>
    </html>
  );
}
