'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state.ts';
import { registerAction } from '../actions';

// Password inputs take more than PASSWORD_MAX UTF-16 units: the server counts code points, and a
// browser that silently cut a long pasted password would create an account nobody can sign in to.
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
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={512}
        hint="At least 8 characters. Long passphrases are welcome."
        errors={state.errors.password}
      />
      <Field
        name="confirm"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={512}
        errors={state.errors.confirm}
      />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="company">Company (leave empty)</label>
        <input id="company" name="company" tabIndex={-1} autoComplete="off" />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          Create account
        </button>
        <Link href="/login">Log in instead</Link>
      </div>
    </form>
  );
}
