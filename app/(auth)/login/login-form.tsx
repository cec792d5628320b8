'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { PasswordField } from '@/components/password-field';
import { initialFormState } from '@/lib/forms/form-state';
import { loginAction } from '../actions';

export function LoginForm({ next }: { next: string }) {
  // The permalink: without JavaScript the form posts to /login, whichever copy of the page it came
  // from (the prerendered one lives at /login/static), and React matches the answer's state to
  // this form by it; keyed by place in the tree instead, the two copies would not match.
  const [state, action, pending] = useActionState(loginAction, initialFormState, '/login');
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={state.values.next ?? next} />
      <Field
        name="username"
        label="Username"
        // "webauthn": the browser may offer passkeys here too (passkey-button.tsx).
        autoComplete="username webauthn"
        required
        maxLength={64}
        defaultValue={state.values.username}
        errors={state.errors.username}
      />
      <PasswordField name="password" label="Password" current errors={state.errors.password} />
      <div className="checkbox">
        <input type="checkbox" id="remember" name="remember" />
        <label htmlFor="remember">Remember me</label>
      </div>
      <FormActions
        submit="Log in"
        pending={pending}
        link={{ href: '/register', label: 'Create an account' }}
      />
    </form>
  );
}
