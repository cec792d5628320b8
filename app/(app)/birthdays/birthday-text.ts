import { formatCalendarDate, formatMonthDay } from '@/lib/format/date';
import { nextBirthday, whenText } from '@/lib/contacts/next-birthday';
import type { ContactListItem } from '@/lib/contacts/store';

/**
 * What a birthday row says: the date in the visitor's locale, then when and the age they turn
 * ("5 Sept 1999 · in 3 days, turning 27"). Shared by the birthdays page and the home page.
 */
export function birthdayLine(c: ContactListItem, today: Date, locale: string) {
  const md = c.birthdayMonthDay ?? 0;
  const next = nextBirthday(md, c.birthday, today);
  const date =
    (c.birthday ? formatCalendarDate(c.birthday, locale) : undefined) ?? formatMonthDay(md, locale);
  const when =
    next.age === undefined ? whenText(next.days) : `${whenText(next.days)}, turning ${next.age}`;
  return { date, when, today: next.days === 0 };
}
