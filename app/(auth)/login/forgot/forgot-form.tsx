'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state';
import { forgotPasswordAction } from './actions';

export function ForgotForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <Field
        name="account"
        label="Username or email address"
        autoComplete="username"
        required
        maxLength={254}
        defaultValue={state.values.account}
        errors={state.errors.account}
      />
      <FormActions
        submit="Send reset link"
        pending={pending}
        link={{ href: '/login', label: 'Back to log in' }}
      />
    </form>
  );
}
