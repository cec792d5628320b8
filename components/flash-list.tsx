'use client';

import { usePathname } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import type { FlashMessage } from '@/lib/flash/flash';

/**
 * Success and info are polite (role="status"), warning and error assertive (role="alert").
 * With JavaScript each gets a dismiss button, and the messages leave with the page they came
 * with: the root layout survives client navigations, so without this they would linger.
 */
const noSubscription = () => () => {};

export function FlashList({ messages }: { messages: FlashMessage[] }) {
  const pathname = usePathname();
  const batch = messages.map((m) => m.id).join(',');
  const [state, setState] = useState({ batch, pathname, left: false, dismissed: [] as string[] });
  // false in the server's HTML, true once React runs in the browser: dismiss buttons need JavaScript.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  let current = state;
  if (state.batch !== batch) {
    current = { batch, pathname, left: false, dismissed: [] };
    setState(current);
  } else if (!state.left && state.pathname !== pathname) {
    // Once the user has moved on, the batch is spent: coming back to its page shows nothing.
    current = { ...state, left: true };
    setState(current);
  }
  const visible = current.left ? [] : messages.filter((m) => !current.dismissed.includes(m.id));
  const dismiss = (id: string) => setState({ ...current, dismissed: [...current.dismissed, id] });

  const list = (kinds: FlashMessage['kind'][]) =>
    visible
      .filter((m) => kinds.includes(m.kind))
      .map((m) => (
        // A div, not a p: a message may hold a form (its button), which a p cannot.
        <div key={m.id} className={`flash flash-${m.kind}`}>
          <span>{m.text}</span>
          {m.action ? <FlashActionForm action={m.action} /> : null}
          {hydrated ? (
            <button
              type="button"
              className="flash-dismiss"
              onClick={() => dismiss(m.id)}
              aria-label={`Dismiss: ${m.text}`}
            >
              ×
            </button>
          ) : null}
        </div>
      ));

  return (
    <div className="flash-area">
      <div role="status">{list(['success', 'info'])}</div>
      <div role="alert">{list(['warning', 'error'])}</div>
    </div>
  );
}

/** The message's button: a plain form POST (a route handler), so it works without JavaScript. */
function FlashActionForm({ action }: { action: NonNullable<FlashMessage['action']> }) {
  return (
    <form method="post" action={action.path} className="flash-action">
      {Object.entries(action.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button">
        {action.label}
      </button>
    </form>
  );
}
