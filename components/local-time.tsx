'use client';

import { useSyncExternalStore } from 'react';
import { formatMoment } from '@/lib/format/date';

const subscribe = () => () => {};

/**
 * A <time> that shows `utcText` from the server and, once the page runs, the same moment in the
 * browser's own time zone. useSyncExternalStore gives the server's text while hydrating (no
 * mismatch) and the local one right after.
 */
export function LocalTime({
  dateTime,
  locale,
  utcText,
}: {
  dateTime: string;
  locale: string;
  utcText: string;
}) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatMoment(new Date(dateTime), locale),
    () => utcText,
  );
  return <time dateTime={dateTime}>{text}</time>;
}
