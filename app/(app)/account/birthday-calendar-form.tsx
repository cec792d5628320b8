'use client';

import { useActionState } from 'react';
import { calendarLinkAction, type CalendarLinkState } from './birthday-calendar-actions';

const initial: CalendarLinkState = { errors: {}, values: {} };

function Intent({ value }: { value: 'create' | 'off' }) {
  return <input type="hidden" name="intent" value={value} />;
}

/**
 * The feed's controls: create a link (shown once, in a read-only field to copy), make a new one,
 * or turn the feed off. Each is a plain form, so it works without JavaScript.
 */
export function BirthdayCalendarForm({ enabled }: { enabled: boolean }) {
  const [state, action, pending] = useActionState(calendarLinkAction, initial);
  // With JavaScript the page's `enabled` is from before the action; the action's answer is newer.
  const on = state.on ?? enabled;
  return (
    <div>
      {/* Announced when it changes; not role="status", which the page's flash messages use. */}
      <div aria-live="polite">{state.message ? <p>{state.message}</p> : null}</div>
      {on && state.url ? (
        <div className="field">
          <label htmlFor="birthday-calendar-url">Calendar link</label>
          <p id="birthday-calendar-url-hint" className="field-hint">
            Paste it into your calendar app. Anyone who has this link can see your contacts’ names
            and birthdays: keep it to yourself.
          </p>
          <input
            id="birthday-calendar-url"
            type="url"
            value={state.url}
            readOnly
            aria-describedby="birthday-calendar-url-hint"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
      {on ? (
        <>
          {state.url ? null : (
            <p className="muted">
              Your birthday calendar is on. Its link was shown once, when it was made; if you no
              longer have it, make a new one.
            </p>
          )}
          <div className="actions">
            <form action={action}>
              <Intent value="create" />
              <button type="submit" className="secondary" disabled={pending}>
                Make a new link
              </button>
            </form>
            <form action={action}>
              <Intent value="off" />
              <button type="submit" className="danger" disabled={pending}>
                Turn off
              </button>
            </form>
          </div>
          <p className="field-hint">
            A new link replaces the old one, and turning the calendar off stops its link: calendar
            apps subscribed to it stop updating.
          </p>
        </>
      ) : (
        <form action={action}>
          <Intent value="create" />
          <button type="submit" disabled={pending}>
            Create calendar link
          </button>
        </form>
      )}
    </div>
  );
}
