'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state.ts';
import { changePasswordAction } from './actions';

// Inputs take more than PASSWORD_MAX UTF-16 units: the limit is in code points, and a browser
// that silently cut a long password here would leave an account nobody can sign in to.
const INPUT_MAX = 512;

export function ChangePasswordForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={INPUT_MAX}
        errors={state.errors.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={INPUT_MAX}
        hint="At least 8 characters. Your other sessions will be logged out."
        errors={state.errors.newPassword}
      />
      <Field
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={INPUT_MAX}
        errors={state.errors.confirmPassword}
      />
      <div className="actions">
        <button type="submit" disabled={pending}>
          Change password
        </button>
      </div>
    </form>
  );
}
