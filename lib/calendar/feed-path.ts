/** The birthday feed's path; the custom server (server/index.ts) sends requests for it to serveBirthdayFeed. */
export const BIRTHDAY_FEED_PATH = '/calendar/birthdays.ics';
