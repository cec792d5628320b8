import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { verifyEmail } from '@/lib/auth/email-address';
import { requireSession } from '@/lib/auth/session';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

/**
 * Where a verification link lands. It needs the session of the account that asked: signed out,
 * middleware sends the browser to log in and back here (the token rides in `next`). A mail
 * scanner following the link has no session, so it uses nothing up. The answer is a redirect:
 * no page is ever shown with the token in its address.
 */
export async function GET(request: NextRequest) {
  const { user } = await requireSession();
  const token = request.nextUrl.searchParams.get('token') ?? '';
  const result = await verifyEmail(user.id, token);
  getLogger().info({
    event: 'email_verification',
    userId: user.id,
    outcome: result.ok ? 'verified' : result.reason,
  });
  if (result.ok) {
    await flash('success', `Your email address ${result.email} is confirmed.`);
  } else if (result.reason === 'taken') {
    // Nothing about the other account: only that this address cannot be used.
    await flash('error', 'That email address could not be verified. Use another one.');
  } else {
    await flash(
      'error',
      'This verification link has expired, has already been used, or was sent for another account. Ask for a new one below.',
    );
  }
  redirect('/account');
}
