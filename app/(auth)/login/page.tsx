import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/session';
import { readSessionEndReason, SESSION_END_MESSAGES } from '@/lib/auth/session-endings';
import { LoginSection } from './login-section';

export const metadata = { title: 'Log in · Contact Cards' };

/**
 * /login for a visitor who brings something: a session, a waiting message, ?next= or ?ended=.
 * One who brings nothing gets static/page.tsx, prerendered (middleware.ts).
 */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; ended?: string | string[] }>;
}) {
  if (await verifySession()) redirect('/');
  const { next, ended } = await searchParams;
  // Only a reason from the fixed list is shown: the URL can carry no text of its own onto the page.
  const reason = readSessionEndReason(ended);
  return (
    <LoginSection
      next={(Array.isArray(next) ? next[0] : next) ?? ''}
      notice={
        reason ? <p className="flash flash-info">{SESSION_END_MESSAGES[reason]}</p> : undefined
      }
    />
  );
}
