'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state';
import { signInCodeAction } from './actions';

/** The second step's form: a code from the authenticator app, or a recovery code. */
export function CodeForm({ method }: { method: 'totp' | 'recovery' }) {
  const [state, action, pending] = useActionState(signInCodeAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="method" value={method} />
      {method === 'totp' ? (
        <Field
          name="code"
          label="Authentication code"
          hint="The 6-digit code your authenticator app shows for Contact Cards."
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          errors={state.errors.code}
        />
      ) : (
        <Field
          name="code"
          label="Recovery code"
          hint="One of the ten codes you saved, such as abcd-efgh-ijkl-mnop. Each works once."
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          required
          errors={state.errors.code}
        />
      )}
      <FormActions submit="Verify" pending={pending} link={{ href: '/login', label: 'Cancel' }} />
    </form>
  );
}
