'use client';

import { useState, useSyncExternalStore, type ReactNode } from 'react';

const noSubscription = () => () => {};
const canCopy = () => typeof navigator !== 'undefined' && Boolean(navigator.clipboard);

/**
 * Copies a value (the primary phone number or email) to the clipboard. Without JavaScript, or
 * where the browser has no clipboard API, it is not shown at all: there would be nothing it could do.
 */
export function CopyButton({
  value,
  label,
  icon,
}: {
  value: string;
  /** The button's text, e.g. "Copy number". */
  label: string;
  /** Drawn on the server (components/icon.tsx), so the icon shapes ship no JavaScript. */
  icon: ReactNode;
}) {
  const available = useSyncExternalStore(noSubscription, canCopy, () => false);
  const [done, setDone] = useState('');
  if (!available) return null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setDone('Copied.'),
            () => setDone('Could not copy: the browser did not allow it.'),
          )
        }
      >
        {icon}
        {label}
      </button>
      {/* Not role="status": the page's flash message is the one status a test or reader looks for. */}
      <span aria-live="polite" className="copy-note">
        {done}
      </span>
    </>
  );
}
