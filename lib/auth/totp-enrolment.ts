import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { sealPasswords } from '../config';
import { isHttps } from './session-cookie';
import { newTotpSecret } from './totp';

/**
 * A seed being set up: kept in a sealed, HttpOnly cookie for ten minutes, never in the users
 * row, until a right code proves the person's app has it (enableTotp). Sealed for one account,
 * so another account's session cannot finish it.
 */
const TTL_SECONDS = 10 * 60;

interface EnrolmentSeal {
  userId: string;
  secret: string;
}

function cookieName(https: boolean): string {
  return https ? '__Host-cc_totp_enrolment' : 'cc_totp_enrolment';
}

/** Starts (or restarts) setting up codes with a new seed. */
export async function startEnrolment(userId: string): Promise<void> {
  const https = isHttps(await headers());
  const seal: EnrolmentSeal = { userId, secret: newTotpSecret() };
  (await cookies()).set(
    cookieName(https),
    await sealData(seal, { password: sealPasswords(), ttl: TTL_SECONDS }),
    { httpOnly: true, secure: https, sameSite: 'lax', path: '/', maxAge: TTL_SECONDS },
  );
}

/** The seed being set up for `userId`, or null. */
export async function pendingEnrolment(userId: string): Promise<string | null> {
  const https = isHttps(await headers());
  const value = (await cookies()).get(cookieName(https))?.value;
  if (!value || value.length > 1024) return null;
  try {
    const data = await unsealData<Partial<EnrolmentSeal>>(value, {
      password: sealPasswords(),
      ttl: TTL_SECONDS,
    });
    return data.userId === userId && typeof data.secret === 'string' ? data.secret : null;
  } catch {
    return null;
  }
}

/** Forgets the seed being set up (done, or abandoned). */
export async function endEnrolment(): Promise<void> {
  const jar = await cookies();
  jar.delete(cookieName(true));
  jar.delete(cookieName(false));
}
