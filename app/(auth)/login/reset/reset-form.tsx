'use client';

import { useActionState, useEffect } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { resetPasswordAction } from './actions';

/**
 * New password and confirmation; the token rides in a hidden field. With JavaScript the token
 * leaves the address bar (and so the history) as soon as the page has loaded.
 */
export function ResetForm({ token, username }: { token: string; username: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', '/login/reset');
  }, []);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={state.values.token ?? token} />
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordField
        name="password"
        label="New password"
        hint="At least 8 characters. Every device signed in to this account will be logged out."
        errors={state.errors.password}
      />
      <PasswordField name="confirm" label="Confirm new password" errors={state.errors.confirm} />
      <FormActions submit="Set new password" pending={pending} />
    </form>
  );
}
