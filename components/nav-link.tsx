'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { STATIC_LOGIN_PATH } from '@/lib/http/static-login.mts';

/**
 * A header link that says when it is the page being shown (aria-current="page", styled in
 * globals.css). A client component only for usePathname: the root layout that renders the header
 * is not rendered again on a client navigation. Rendered on the server too, so it works without
 * JavaScript.
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  // The prerendered login page keeps its own path in the router, though shown at /login.
  const current = pathname === href || (href === '/login' && pathname === STATIC_LOGIN_PATH);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
