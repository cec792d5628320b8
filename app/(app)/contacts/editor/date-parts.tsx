import { fieldId, splitDate } from '@/lib/contacts/form-model';
import { MONTHS } from '@/lib/contacts/format';
import { KeepAsTyped } from './row-parts';
import styles from './editor.module.css';

/**
 * A birthday or anniversary as day, month and optional year (a date picker cannot leave the year
 * out). Text a file gave that is not a date stays, shown, until the person types a date.
 */
export function DateParts({
  name,
  legend,
  value,
  errors,
  kept,
}: {
  name: 'birthday' | 'anniversary';
  legend: string;
  value: string;
  errors?: string[];
  kept: boolean;
}) {
  const parts = splitDate(value);
  const hintId = fieldId(`${name}-hint`);
  const errorId = fieldId(`${name}-error`);
  const describedBy = [hintId, errors?.length ? errorId : null].filter(Boolean).join(' ');
  const invalid = errors?.length ? true : undefined;
  return (
    <fieldset className={styles.dateParts} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <p id={hintId} className="field-hint">
        The year is optional.
        {parts.kept ? ` Saved as text: “${parts.kept}” (kept until you enter a date).` : ''}
      </p>
      {parts.kept ? <input type="hidden" name={`${name}.kept`} value={parts.kept} /> : null}
      <div className={styles.dateRow}>
        <div className="field">
          <label htmlFor={fieldId(`${name}.day`)}>Day</label>
          <input
            id={fieldId(`${name}.day`)}
            name={`${name}.day`}
            inputMode="numeric"
            maxLength={2}
            size={3}
            defaultValue={parts.day}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId(`${name}.month`)}>Month</label>
          <select
            id={fieldId(`${name}.month`)}
            name={`${name}.month`}
            defaultValue={parts.month}
            aria-invalid={invalid}
          >
            <option value="">—</option>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId(`${name}.year`)}>Year</label>
          <input
            id={fieldId(`${name}.year`)}
            name={`${name}.year`}
            inputMode="numeric"
            maxLength={4}
            size={5}
            defaultValue={parts.year}
            aria-invalid={invalid}
            autoComplete="off"
          />
        </div>
      </div>
      <p id={errorId} className="field-error" aria-live="polite">
        {errors?.join(' ')}
      </p>
      {errors?.length || kept ? <KeepAsTyped path={name} checked={kept} /> : null}
    </fieldset>
  );
}
