import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { isTimeZone, TIME_ZONE_COOKIE, todayIn } from './time-zone';

/** The visitor's time zone from the cookie their browser set, or UTC (once per request). */
const getRequestTimeZone = cache(async (): Promise<string> => {
  const named = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(named) ? named : 'UTC';
});

/** Today's date where the visitor is (UTC without JavaScript), as its UTC midnight. */
export async function requestToday(): Promise<Date> {
  return todayIn(await getRequestTimeZone());
}
