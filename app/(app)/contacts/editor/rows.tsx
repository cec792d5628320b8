import { Field } from '@/components/field';
import { ADDRESS_FIELDS, fieldId, type LabelledKind } from '@/lib/contacts/form-model';
import type { ContactDate, LabelledValue, PostalAddress } from '@/lib/contacts/model';
import { ADDRESS_LABELS, ROW_NOUNS } from './field-names';
import { IntentButton, KeepAsTyped, LabelPicker, PrefRadio, type OnIntent } from './row-parts';
import styles from './editor.module.css';

type Errors = Record<string, string[] | undefined>;

interface RowsProps {
  errors: Errors;
  keep: string[];
  onIntent: OnIntent;
}

const INPUT: Record<LabelledKind, { type: string; label: string; hint?: string }> = {
  emails: { type: 'email', label: 'Email address' },
  phones: {
    type: 'tel',
    label: 'Number',
    hint: 'With the country code (e.g. +44) unless it is local.',
  },
  urls: { type: 'url', label: 'Web address' },
  impps: { type: 'text', label: 'Handle or address', hint: 'e.g. xmpp:name@example.com' },
};
const PLURAL: Record<string, string> = {
  emails: 'Emails',
  phones: 'Phones',
  urls: 'Websites',
  impps: 'Messaging and social',
  addresses: 'Addresses',
  dates: 'Other dates',
  related: 'Related people',
};

function RowsFieldset({
  kind,
  count,
  onIntent,
  children,
}: {
  kind: keyof typeof ROW_NOUNS;
  count: number;
  onIntent: OnIntent;
  children: React.ReactNode;
}) {
  const noun = ROW_NOUNS[kind];
  return (
    <fieldset className={styles.rows}>
      <legend>{PLURAL[kind]}</legend>
      {count === 0 ? <p className="muted">None yet.</p> : null}
      {children}
      <div>
        <IntentButton intent={`add:${kind}`} onIntent={onIntent} id={`add-${kind}`}>
          Add {noun.toLowerCase()}
        </IntentButton>
      </div>
    </fieldset>
  );
}

function RemoveButton({
  kind,
  index,
  onIntent,
}: {
  kind: keyof typeof ROW_NOUNS;
  index: number;
  onIntent: OnIntent;
}) {
  return (
    <div>
      <IntentButton intent={`remove:${kind}:${index}`} onIntent={onIntent}>
        Remove
        <span className="visually-hidden">
          {' '}
          {ROW_NOUNS[kind].toLowerCase()} {index + 1}
        </span>
      </IntentButton>
    </div>
  );
}

/** Emails, phones, websites, handles: value, label, preferred, keep-as-typed, remove. */
export function LabelledRows({
  kind,
  rows,
  errors,
  keep,
  onIntent,
  phoneCountry,
}: RowsProps & { kind: LabelledKind; rows: LabelledValue[]; phoneCountry?: string }) {
  const noun = ROW_NOUNS[kind];
  const hint =
    kind === 'phones' && phoneCountry
      ? `With the country code (e.g. +44) unless it is in ${phoneCountry}.`
      : INPUT[kind].hint;
  return (
    <RowsFieldset kind={kind} count={rows.length} onIntent={onIntent}>
      {rows.map((row, i) => {
        const path = `${kind}.${i}.value`;
        const kept = keep.includes(path);
        return (
          <fieldset key={i} className={styles.row}>
            <legend>
              {noun} {i + 1}
            </legend>
            <Field
              id={fieldId(path)}
              name={path}
              label={INPUT[kind].label}
              type={INPUT[kind].type}
              hint={i === 0 ? hint : undefined}
              autoComplete="off"
              defaultValue={row.value}
              errors={errors[path]}
            />
            {errors[path] || kept ? <KeepAsTyped path={path} checked={kept} /> : null}
            <LabelPicker kind={kind} index={i} label={row.label} />
            {rows.length > 1 ? (
              <PrefRadio kind={kind} index={i} checked={row.pref} noun={noun} />
            ) : row.pref ? (
              <input type="hidden" name={`${kind}.pref`} value={i} />
            ) : null}
            <RemoveButton kind={kind} index={i} onIntent={onIntent} />
          </fieldset>
        );
      })}
    </RowsFieldset>
  );
}

export function AddressRows({ rows, errors, onIntent }: RowsProps & { rows: PostalAddress[] }) {
  return (
    <RowsFieldset kind="addresses" count={rows.length} onIntent={onIntent}>
      {rows.map((row, i) => (
        <fieldset key={i} className={styles.row}>
          <legend>Address {i + 1}</legend>
          {ADDRESS_FIELDS.map((part) => {
            const path = `addresses.${i}.${part}`;
            return (
              <Field
                key={part}
                id={fieldId(path)}
                name={path}
                label={ADDRESS_LABELS[part]}
                multiline={part === 'street'}
                autoComplete="off"
                defaultValue={row[part]}
                errors={errors[path]}
              />
            );
          })}
          <LabelPicker kind="addresses" index={i} label={row.label} />
          {rows.length > 1 ? (
            <PrefRadio kind="addresses" index={i} checked={row.pref} noun="address" />
          ) : row.pref ? (
            <input type="hidden" name="addresses.pref" value={i} />
          ) : null}
          <RemoveButton kind="addresses" index={i} onIntent={onIntent} />
        </fieldset>
      ))}
    </RowsFieldset>
  );
}

/** Other dates (value as YYYY-MM-DD or --MM-DD) and related people (a name): value + own label. */
export function PlainRows({
  kind,
  rows,
  errors,
  keep,
  onIntent,
}: RowsProps & { kind: 'dates' | 'related'; rows: ContactDate[] }) {
  const noun = ROW_NOUNS[kind];
  return (
    <RowsFieldset kind={kind} count={rows.length} onIntent={onIntent}>
      {rows.map((row, i) => {
        const path = `${kind}.${i}.value`;
        const kept = keep.includes(path);
        return (
          <fieldset key={i} className={styles.row}>
            <legend>
              {noun} {i + 1}
            </legend>
            <Field
              id={fieldId(path)}
              name={path}
              label={kind === 'dates' ? 'Date' : 'Name'}
              hint={kind === 'dates' ? 'YYYY-MM-DD, or --MM-DD without a year.' : undefined}
              autoComplete="off"
              defaultValue={row.value}
              errors={errors[path]}
            />
            {kind === 'dates' && (errors[path] || kept) ? (
              <KeepAsTyped path={path} checked={kept} />
            ) : null}
            <Field
              id={fieldId(`${kind}.${i}.label`)}
              name={`${kind}.${i}.label`}
              label={kind === 'dates' ? 'What it is (e.g. First met)' : 'Relation (e.g. spouse)'}
              autoComplete="off"
              maxLength={100}
              defaultValue={row.label}
              errors={errors[`${kind}.${i}.label`]}
            />
            <RemoveButton kind={kind} index={i} onIntent={onIntent} />
          </fieldset>
        );
      })}
    </RowsFieldset>
  );
}
