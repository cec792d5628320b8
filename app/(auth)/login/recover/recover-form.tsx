'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { recoverAction } from './actions';

export function RecoverForm() {
  const [state, action, pending] = useActionState(recoverAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        required
        maxLength={64}
        defaultValue={state.values.username}
        errors={state.errors.username}
      />
      <Field
        name="code"
        label="Recovery code"
        hint="One of the codes you saved, such as abcd-efgh-ijkl-mnop. Each works once."
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={100}
        errors={state.errors.code}
      />
      <PasswordField
        name="password"
        label="New password"
        hint="At least 8 characters. Every device signed in to this account will be logged out."
        errors={state.errors.password}
      />
      <PasswordField name="confirm" label="Confirm new password" errors={state.errors.confirm} />
      <FormActions
        submit="Set new password"
        pending={pending}
        link={{ href: '/login', label: 'Back to log in' }}
      />
    </form>
  );
}
