import { headers } from 'next/headers';
import { requireSession } from '@/lib/auth/session';
import { usernameKey } from '@/lib/auth/username';
import { attachment } from '@/lib/http/download';
import { requestOrigin } from '@/lib/http/request-origin';
import { cardDavProfile, MOBILECONFIG_TYPE } from '@/lib/sync/mobileconfig';

/**
 * A configuration profile for iOS and macOS that adds this server's CardDAV account. It names
 * the signed-in user and the address the browser used; the device asks for the app password.
 */
export async function GET() {
  const { user } = await requireSession();
  const profile = cardDavProfile({
    origin: requestOrigin(await headers()),
    userId: user.id,
    username: user.username,
    usernameKey: usernameKey(user.username),
  });
  const responseHeaders = new Headers(attachment(MOBILECONFIG_TYPE, 'contact-cards.mobileconfig'));
  // Exactly this type, without a charset: it is what makes Safari offer to install the profile.
  responseHeaders.set('content-type', MOBILECONFIG_TYPE);
  return new Response(profile, { headers: responseHeaders });
}
