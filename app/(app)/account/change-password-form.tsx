'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { changePasswordAction } from './actions';

export function ChangePasswordForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordField
        name="currentPassword"
        label="Current password"
        current
        errors={state.errors.currentPassword}
      />
      <PasswordField
        name="newPassword"
        label="New password"
        hint="At least 8 characters. Your other sessions will be logged out."
        errors={state.errors.newPassword}
      />
      <PasswordField
        name="confirmPassword"
        label="Confirm new password"
        errors={state.errors.confirmPassword}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id="revoke-app-passwords"
          name="revokeAppPasswords"
          defaultChecked={state.values.revokeAppPasswords === 'on'}
          key={state.values.revokeAppPasswords ?? ''}
        />
        <label htmlFor="revoke-app-passwords">
          Also sign out sync clients (revoke app passwords)
        </label>
      </div>
      <FormActions submit="Change password" pending={pending} />
    </form>
  );
}
