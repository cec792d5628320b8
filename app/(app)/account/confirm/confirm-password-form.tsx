'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { confirmWithPasswordAction } from './actions';

export function ConfirmPasswordForm({ username, next }: { username: string; next: string }) {
  const [state, action, pending] = useActionState(confirmWithPasswordAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <input type="hidden" name="next" value={next} />
      <PasswordField name="password" label="Password" current errors={state.errors.password} />
      <FormActions submit="Confirm" pending={pending} />
    </form>
  );
}
