'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { registerAction } from '../actions';

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        required
        minLength={3}
        maxLength={32}
        hint="3 to 32 letters, digits, dots, underscores or hyphens."
        defaultValue={state.values.username}
        errors={state.errors.username}
      />
      <PasswordField
        name="password"
        label="Password"
        minLength={8}
        hint="At least 8 characters. Long passphrases are welcome."
        errors={state.errors.password}
      />
      <PasswordField name="confirm" label="Confirm password" errors={state.errors.confirm} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="company">Company (leave empty)</label>
        <input id="company" name="company" tabIndex={-1} autoComplete="off" />
      </div>
      <FormActions
        submit="Create account"
        pending={pending}
        link={{ href: '/login', label: 'Log in instead' }}
      />
    </form>
  );
}
