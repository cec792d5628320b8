import { Fragment, useState } from 'react';
import { Field } from '@/components/field';
import {
  fieldId,
  LABELLED_KINDS,
  NAME_FIELDS,
  type ContactDraft,
  type RowKind,
} from '@/lib/contacts/form-model';
import { DateParts } from './date-parts';
import type { EditorContext } from './editor-state';
import { NAME_LABELS } from './field-names';
import { KeepAsTyped, type OnIntent } from './row-parts';
import { AddressRows, LabelledRows, PlainRows } from './rows';
import styles from './editor.module.css';

/** lib/contacts/photos.ts's cap (that module runs sharp: server only). */
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

interface ContactFieldsProps extends EditorContext {
  draft: ContactDraft;
  errors: Record<string, string[] | undefined>;
  revisions: Partial<Record<RowKind, number>>;
  onIntent: OnIntent;
}

/** Every field of a contact, grouped in fieldsets; rows of a kind re-mount when their revision moves. */
export function ContactFields({
  draft,
  errors,
  revisions,
  onIntent,
  labelOptions,
  photoUrl,
  phoneCountry,
}: ContactFieldsProps) {
  const { model, keep } = draft;
  const [photoTooLarge, setPhotoTooLarge] = useState('');
  const rowsProps = { errors, keep, onIntent };
  const text = (
    name: string,
    label: string,
    value: string,
    extra: Partial<Parameters<typeof Field>[0]> = {},
  ) => (
    <Fragment key={name}>
      <Field
        id={fieldId(name)}
        name={name}
        label={label}
        defaultValue={value}
        errors={errors[name]}
        autoComplete="off"
        {...extra}
      />
      {errors[name] || keep.includes(name) ? (
        <KeepAsTyped path={name} checked={keep.includes(name)} />
      ) : null}
    </Fragment>
  );
  const labels = [...new Set([...labelOptions, ...model.labels])];
  return (
    <>
      <fieldset className={styles.group}>
        <legend>Name</legend>
        {NAME_FIELDS.map((part) => text(`name.${part}`, NAME_LABELS[part], model.name[part]))}
        {text('formattedName', 'Display name', model.formattedName, {
          hint: 'Leave empty to show the name parts.',
        })}
        {text('nickname', 'Nickname', model.nickname)}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Work</legend>
        {text('organization', 'Company or organisation', model.organization)}
        {text('department', 'Department', model.department)}
        {text('jobTitle', 'Job title', model.jobTitle)}
      </fieldset>
      {LABELLED_KINDS.slice(0, 2).map((kind) => (
        <LabelledRows
          key={`${kind}-${revisions[kind] ?? 0}`}
          kind={kind}
          rows={model[kind]}
          phoneCountry={phoneCountry}
          {...rowsProps}
        />
      ))}
      <AddressRows
        key={`addresses-${revisions.addresses ?? 0}`}
        rows={model.addresses}
        {...rowsProps}
      />
      {LABELLED_KINDS.slice(2).map((kind) => (
        <LabelledRows
          key={`${kind}-${revisions[kind] ?? 0}`}
          kind={kind}
          rows={model[kind]}
          {...rowsProps}
        />
      ))}
      <DateParts
        name="birthday"
        legend="Birthday"
        value={model.birthday}
        errors={errors.birthday}
        kept={keep.includes('birthday')}
      />
      <DateParts
        name="anniversary"
        legend="Anniversary"
        value={model.anniversary}
        errors={errors.anniversary}
        kept={keep.includes('anniversary')}
      />
      <PlainRows
        key={`dates-${revisions.dates ?? 0}`}
        kind="dates"
        rows={model.dates}
        {...rowsProps}
      />
      <PlainRows
        key={`related-${revisions.related ?? 0}`}
        kind="related"
        rows={model.related}
        {...rowsProps}
      />
      <fieldset className={styles.group}>
        <legend>Labels</legend>
        {labels.map((label, i) => (
          <div className="checkbox" key={label}>
            <input
              type="checkbox"
              id={fieldId(`labels.${i}`)}
              name="labels"
              value={label}
              defaultChecked={model.labels.includes(label)}
            />
            <label htmlFor={fieldId(`labels.${i}`)}>{label}</label>
          </div>
        ))}
        {text('newLabel', 'New label', '', { maxLength: 100 })}
        <div className="checkbox">
          <input
            type="checkbox"
            id={fieldId('favourite')}
            name="favourite"
            defaultChecked={model.favourite}
          />
          <label htmlFor={fieldId('favourite')}>Favourite</label>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Photo</legend>
        {photoUrl ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user image */}
            <img
              src={photoUrl}
              alt="Current photo"
              className={styles.photo}
              width={128}
              height={128}
            />
            <div className="checkbox">
              <input type="checkbox" id={fieldId('removePhoto')} name="removePhoto" />
              <label htmlFor={fieldId('removePhoto')}>Remove photo</label>
            </div>
          </>
        ) : null}
        <Field
          id={fieldId('photo')}
          name="photo"
          label={photoUrl ? 'Replace photo' : 'Photo'}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          hint="JPEG, PNG, WebP, GIF or AVIF. If the form comes back with a problem, choose the file again."
          errors={photoTooLarge ? [photoTooLarge] : errors.photo}
          onChange={(event) => {
            // Refused here, before a 5 MB upload the server would answer with a bare 413.
            const file = event.currentTarget.files?.[0];
            const tooLarge = file && file.size > PHOTO_MAX_BYTES;
            if (tooLarge) event.currentTarget.value = '';
            setPhotoTooLarge(tooLarge ? 'Choose a photo of at most 5 MB.' : '');
          }}
        />
      </fieldset>
      {text('note', 'Note', model.note, { multiline: true })}
    </>
  );
}
