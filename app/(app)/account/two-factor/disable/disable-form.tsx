'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { disableTotpAction } from '../actions';

/** Turning codes off: the password and a code (or a recovery code), in one form. */
export function DisableForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(disableTotpAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordField name="password" label="Password" current errors={state.errors.password} />
      <Field
        name="code"
        label="Authentication code or recovery code"
        hint="The 6-digit code from your app, or one of your recovery codes."
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={100}
        required
        errors={state.errors.code}
      />
      <FormActions
        submit="Turn off two-step sign-in"
        danger
        pending={pending}
        link={{ href: '/account', label: 'Cancel' }}
      />
    </form>
  );
}
