'use client';

import { Fragment, useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import {
  BIRTHDAY_MIN,
  CONTACT_FIELDS,
  FIELD_LABELS,
  FIELD_MAX,
  todayIso,
  type ContactValues,
} from '@/lib/contacts/fields';
import type { ContactFormState } from './actions';

type Action = (prev: ContactFormState, formData: FormData) => Promise<ContactFormState>;

interface ContactFormProps {
  action: Action;
  /** The values the form starts with (an edit: the saved contact, with its version). */
  initial: ContactValues & Record<string, string>;
  /** An edit: the contact's id, sent back with the form. */
  contactId?: string;
  cancelHref: string;
  /** A saved birthday without a year, as "12 April": offered as a checkbox to keep it. */
  noYearLabel?: string;
}

const INPUT_TYPES: Partial<Record<(typeof CONTACT_FIELDS)[number], string>> = {
  birthday: 'date',
  email: 'email',
  website: 'url',
  workPhone: 'tel',
  homePhone: 'tel',
  mobilePhone: 'tel',
};
const AUTOCOMPLETE: Partial<Record<(typeof CONTACT_FIELDS)[number], string>> = {
  firstName: 'off',
  lastName: 'off',
};

/** The add and edit form: works without JavaScript, keeps what was typed, errors by each field. */
export function ContactForm({
  action,
  initial,
  contactId,
  cancelHref,
  noYearLabel,
}: ContactFormProps) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: initial });
  const values = state.values;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      {state.current ? <CurrentValues current={state.current} /> : null}
      {contactId ? <input type="hidden" name="id" value={contactId} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      {CONTACT_FIELDS.map((field) => (
        <Field
          key={field}
          name={field}
          label={FIELD_LABELS[field]}
          type={INPUT_TYPES[field] ?? 'text'}
          multiline={field === 'notes'}
          maxLength={field === 'birthday' ? undefined : FIELD_MAX[field]}
          min={field === 'birthday' ? BIRTHDAY_MIN : undefined}
          max={field === 'birthday' ? todayIso() : undefined}
          autoComplete={AUTOCOMPLETE[field] ?? 'off'}
          hint={hints[field]}
          defaultValue={values[field] ?? ''}
          errors={state.errors[field]}
        />
      ))}
      {noYearLabel && initial.birthdayNoYear ? (
        <div className="checkbox">
          <input
            type="checkbox"
            id="field-birthdayNoYear"
            name="birthdayNoYear"
            value={initial.birthdayNoYear}
            defaultChecked={values.birthdayNoYear === initial.birthdayNoYear}
            key={values.birthdayNoYear ?? ''}
          />
          <label htmlFor="field-birthdayNoYear">
            Keep the birthday without a year ({noYearLabel}) while Birthday is empty
          </label>
        </div>
      ) : null}
      <FormActions
        submit="Save contact"
        pending={pending}
        link={{ href: cancelHref, label: 'Cancel' }}
      />
    </form>
  );
}

const hints: Partial<Record<(typeof CONTACT_FIELDS)[number], string>> = {
  firstName: 'A first or a last name is needed.',
  birthday: 'A date between 1900-01-01 and today.',
  website: 'Starting with http:// or https://.',
  workPhone: 'With the country code, e.g. +44 20 7946 0958, unless it is a local number.',
};

function CurrentValues({ current }: { current: ContactValues }) {
  return (
    <section className="conflict" aria-labelledby="current-values-heading">
      <h2 id="current-values-heading">Current saved values</h2>
      <dl className="details">
        {CONTACT_FIELDS.map((field) => (
          <Fragment key={field}>
            <dt>{FIELD_LABELS[field]}</dt>
            <dd className="preserve-lines">
              {current[field] || <span className="muted">empty</span>}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
