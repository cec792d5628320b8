import type { InputHTMLAttributes } from 'react';

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  multiline?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** A labelled input whose errors are tied to it (aria-invalid, aria-describedby) and announced. */
export function Field({
  name,
  label,
  errors,
  hint,
  multiline,
  id = `field-${name}`,
  ...input
}: FieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          defaultValue={input.defaultValue as string | undefined}
          maxLength={input.maxLength}
          key={String(input.defaultValue ?? '')}
        />
      ) : (
        <input
          {...common}
          {...input}
          key={input.type === 'password' ? undefined : String(input.defaultValue ?? '')}
        />
      )}
      <p id={errorId} className="field-error" aria-live="polite">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
