'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state.ts';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <Field
        name="password"
        id="delete-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={512}
        hint="Enter your password to confirm."
        errors={state.errors.password}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={pending}>
          Delete account
        </button>
      </div>
    </form>
  );
}
