'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state';
import { requestEmailAction } from './email-actions';

/** Adds or changes the address: sends a verification link; nothing changes until it is followed. */
export function EmailForm({ current }: { current: string | null }) {
  const [state, action, pending] = useActionState(requestEmailAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <Field
        name="email"
        label={current ? 'New email address' : 'Email address'}
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values.email}
        errors={state.errors.email}
      />
      <FormActions submit="Send verification link" pending={pending} />
    </form>
  );
}
