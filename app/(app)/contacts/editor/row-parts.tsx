import type { MouseEvent } from 'react';
import { fieldId, labelChoice, OWN_LABEL } from '@/lib/contacts/form-model';
import { capitalise, LABEL_CHOICES } from './field-names';
import styles from './editor.module.css';

/** An "Add …"/"Remove …" button: submits without JavaScript, acts at once with it. */
export type OnIntent = (event: MouseEvent<HTMLButtonElement>) => void;

export function IntentButton({
  intent,
  onIntent,
  children,
  id,
}: {
  intent: string;
  onIntent: OnIntent;
  children: React.ReactNode;
  id?: string;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      id={id}
      className="secondary"
      formNoValidate
      onClick={onIntent}
    >
      {children}
    </button>
  );
}

/** A row's label: a choice, or the person's own words. */
export function LabelPicker({
  kind,
  index,
  label,
}: {
  kind: string;
  index: number;
  label: string;
}) {
  const path = `${kind}.${index}`;
  const { choice, own } = labelChoice(label);
  const choices = LABEL_CHOICES[kind] ?? [];
  // A label from an import that this kind does not offer (an email "mobile") stays a choice.
  const options =
    choice && choice !== OWN_LABEL && !choices.includes(choice) ? [...choices, choice] : choices;
  return (
    <div className={styles.labelPicker}>
      <div className="field">
        <label htmlFor={fieldId(`${path}.label`)}>Label</label>
        <select id={fieldId(`${path}.label`)} name={`${path}.label`} defaultValue={choice}>
          <option value="">None</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {capitalise(o)}
            </option>
          ))}
          <option value={OWN_LABEL}>Own label (type it)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId(`${path}.labelOther`)}>Own label</label>
        <input
          id={fieldId(`${path}.labelOther`)}
          name={`${path}.labelOther`}
          defaultValue={own}
          maxLength={100}
          autoComplete="off"
        />
      </div>
    </div>
  );
}

/** "Save as typed" for a value that failed its check (or was saved that way before). */
export function KeepAsTyped({ path, checked }: { path: string; checked: boolean }) {
  const id = fieldId(`keep.${path}`);
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} name={`keep.${path}`} defaultChecked={checked} />
      <label htmlFor={id}>Save it as typed anyway (it will be marked “kept as typed”)</label>
    </div>
  );
}

/** The preferred one of its kind. */
export function PrefRadio({
  kind,
  index,
  checked,
  noun,
}: {
  kind: string;
  index: number;
  checked: boolean;
  noun: string;
}) {
  const id = fieldId(`${kind}.pref.${index}`);
  return (
    <div className="checkbox">
      <input type="radio" id={id} name={`${kind}.pref`} value={index} defaultChecked={checked} />
      <label htmlFor={id}>Preferred {noun.toLowerCase()}</label>
    </div>
  );
}
