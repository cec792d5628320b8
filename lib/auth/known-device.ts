import 'server-only';
import crypto from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { sealPasswords } from '../config';
import { isHttps } from './session-cookie';

/**
 * The "known device" cookie: set after a successful sign-in, it vouches for one account on this
 * browser for a year, so a stranger's failures elsewhere never slow or lock its owner there
 * (lib/auth/throttle-rules.ts). Sealed by iron-session with SESSION_SECRET, so it cannot be
 * forged or pointed at another account; its random id gives the device its own failure budget,
 * so a stolen copy buys a few guesses, not unlimited ones. It grants no access by itself.
 */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

interface DeviceSeal {
  /** The account it vouches for. */
  userId: string;
  /** Random, 128 bits: names this device's failures. */
  deviceId: string;
}

/** Over https the __Host- prefix: Secure, Path=/, no Domain. */
function knownDeviceCookieName(https: boolean): string {
  return https ? '__Host-cc_device' : 'cc_device';
}

/** The device id when this browser's cookie vouches for `userId`; null otherwise. */
export async function knownDeviceFor(userId: string | undefined): Promise<string | null> {
  if (!userId) return null;
  const https = isHttps(await headers());
  const value = (await cookies()).get(knownDeviceCookieName(https))?.value;
  // A real seal is a few hundred bytes; anything larger is not ours.
  if (!value || value.length > 1024) return null;
  try {
    const data = await unsealData<Partial<DeviceSeal>>(value, {
      password: sealPasswords(),
      ttl: ONE_YEAR_SECONDS,
    });
    return data.userId === userId &&
      typeof data.deviceId === 'string' &&
      DEVICE_ID.test(data.deviceId)
      ? data.deviceId
      : null;
  } catch {
    return null;
  }
}

/** Sets (or renews for a year) the cookie vouching for `userId`; keeps `deviceId` when given. */
export async function rememberDevice(userId: string, deviceId: string | null): Promise<void> {
  const https = isHttps(await headers());
  const seal: DeviceSeal = {
    userId,
    deviceId: deviceId ?? crypto.randomBytes(16).toString('base64url'),
  };
  const value = await sealData(seal, { password: sealPasswords(), ttl: ONE_YEAR_SECONDS });
  (await cookies()).set(knownDeviceCookieName(https), value, {
    httpOnly: true,
    secure: https,
    sameSite: 'lax',
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  });
}
