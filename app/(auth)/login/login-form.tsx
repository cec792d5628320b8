'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state.ts';
import { loginAction } from '../actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(loginAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={state.values.next ?? next} />
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
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={512}
        errors={state.errors.password}
      />
      <div className="checkbox">
        <input type="checkbox" id="remember" name="remember" />
        <label htmlFor="remember">Remember me</label>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          Log in
        </button>
        <Link href="/register">Create an account</Link>
      </div>
    </form>
  );
}
