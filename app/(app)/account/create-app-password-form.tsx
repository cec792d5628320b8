'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { createAppPasswordAction, type CreateAppPasswordState } from './app-password-actions';
import { SyncSettings } from './sync-settings';
import styles from './sync.module.css';

const initialState: CreateAppPasswordState = { errors: {}, values: {} };

/**
 * "Device name" → a new app password, shown once from the action's state: with JavaScript in
 * this component, without it in the page the action's POST renders. Never in a URL or cookie.
 */
export function CreateAppPasswordForm({
  serverUrl,
  username,
}: {
  serverUrl: string;
  username: string;
}) {
  const [state, action, pending] = useActionState(createAppPasswordAction, initialState);
  const created = state.created;
  return (
    <>
      {/* Announced when it appears; not role="status", which the page's flash messages use. */}
      <div aria-live="polite">
        {created ? (
          <section className={styles.secret} aria-labelledby="new-app-password-heading">
            <h4 id="new-app-password-heading">App password for “{created.name}”</h4>
            <p>
              <strong>Copy it into the device now: it is shown only this once.</strong> Spaces and
              dashes do not matter.
            </p>
            <SyncSettings
              serverUrl={serverUrl}
              username={username}
              password={
                <code className={styles.password} data-testid="new-app-password">
                  {created.secret}
                </code>
              }
            />
          </section>
        ) : null}
      </div>
      <form action={action} className="stack" noValidate>
        <FormMessage message={state.message} />
        <Field
          name="name"
          label="Device name"
          hint="What will use it, such as “iPhone” or “Thunderbird at work” (up to 64 characters)."
          autoComplete="off"
          required
          defaultValue={state.values.name}
          errors={state.errors.name}
        />
        <FormActions submit="Create app password" pending={pending} />
      </form>
    </>
  );
}
