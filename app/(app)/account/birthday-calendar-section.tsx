import { hasCalendarToken } from '@/lib/calendar/feed-token';
import { BirthdayCalendarForm } from './birthday-calendar-form';

/** The account page's "Birthday calendar" section: what the feed is, its link, how to subscribe. */
export async function BirthdayCalendarSection({ userId }: { userId: string }) {
  const enabled = await hasCalendarToken(userId);
  return (
    <section aria-labelledby="birthday-calendar-heading">
      <h2 id="birthday-calendar-heading">Birthday calendar</h2>
      <p>
        Subscribe to your contacts’ birthdays in your calendar app: one yearly all-day event for
        each contact with a birthday, kept up to date as you edit them. Birthdays without a year are
        included; a 29 February birthday shows on 28 February in other years. Contacts in the trash
        are left out.
      </p>
      <BirthdayCalendarForm enabled={enabled} />
      <h3>How to subscribe</h3>
      <ul>
        <li>
          <strong>Google Calendar</strong> (on a computer): beside “Other calendars”, choose +, then
          “From URL”; paste the link and choose “Add calendar”. Google fetches it again every few
          hours, sometimes less often.
        </li>
        <li>
          <strong>Apple Calendar</strong>: on a Mac, File › New Calendar Subscription…, paste the
          link and choose Subscribe. On an iPhone or iPad: Settings › Apps › Calendar › Calendar
          Accounts › Add Account › Other › Add Subscribed Calendar.
        </li>
        <li>
          <strong>Thunderbird</strong>: in the Calendar, New Calendar… › On the Network; paste the
          link as the Location, choose Find Calendars, then Subscribe.
        </li>
      </ul>
    </section>
  );
}
