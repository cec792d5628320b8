'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <PasswordField
        name="password"
        id="delete-password"
        label="Password"
        current
        hint="Enter your password to confirm."
        errors={state.errors.password}
      />
      <FormActions submit="Delete account" pending={pending} danger />
    </form>
  );
}
