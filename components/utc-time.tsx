import { formatMoment } from '@/lib/format/date';
import { getRequestLocale } from '@/lib/format/request-locale';
import { LocalTime } from './local-time';

/**
 * A moment as "1 Dec 2026, 19:13 UTC" in the visitor's locale (the account page's tables:
 * sessions, app passwords). Without JavaScript it stays in UTC, marked so; with it, LocalTime
 * rewrites it in the browser's time zone ("1 Dec 2026, 20:13 CET").
 */
export async function UtcTime({ date }: { date: Date }) {
  const locale = await getRequestLocale();
  return (
    <LocalTime
      dateTime={date.toISOString()}
      locale={locale}
      utcText={formatMoment(date, locale, 'UTC')}
    />
  );
}
