'use client';

import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/format/time-zone';

/**
 * Tells the server the browser's time zone (a cookie, a year), so "today" on the birthday pages
 * is the visitor's day. Renders nothing; without JavaScript the server uses UTC and says so.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // IANA names are letters, digits and _+-/: safe in a cookie as they are.
    if (!zone || document.cookie.split('; ').includes(`${TIME_ZONE_COOKIE}=${zone}`)) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
