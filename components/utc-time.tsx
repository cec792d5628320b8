const format = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A moment as "1 Dec 2026, 19:13 UTC": the account page's tables (sessions, app passwords). */
export function UtcTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{format.format(date)} UTC</time>;
}
