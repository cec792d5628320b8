import { useEffect, useRef } from 'react';
import { fieldId } from '@/lib/contacts/form-model';
import { pathLabel } from './field-names';
import styles from './editor.module.css';

/** Where each error's link goes: the field itself, or the first part of a date or of the name. */
function target(path: string): string {
  if (path === 'form' || path === '') return fieldId('name.given');
  if (path === 'birthday' || path === 'anniversary') return fieldId(`${path}.day`);
  // A label too long can only have come from the New label field (ticked ones were saved before).
  if (path.startsWith('labels.')) return fieldId('newLabel');
  return fieldId(path);
}

/**
 * The list of what stopped a save, at the top of the form. With JavaScript, focus moves here when
 * an answer with errors arrives (`answer` changes); without it, the server-rendered page focuses
 * it on load (autoFocus) and role="alert" announces it.
 */
export function ErrorSummary({
  errors,
  answer,
}: {
  errors: [path: string, message: string][];
  answer: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
    // Focus once per answer from the server, not on every keystroke's re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer]);
  if (!errors.length) return null;
  return (
    <div
      ref={ref}
      className={styles.summary}
      role="alert"
      tabIndex={-1}
      autoFocus
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">
        {errors.length === 1 ? 'There is a problem' : `There are ${errors.length} problems`}
      </h2>
      <ul>
        {errors.map(([path, message]) => (
          <li key={path + message}>
            <a href={`#${target(path)}`}>
              {pathLabel(path)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
