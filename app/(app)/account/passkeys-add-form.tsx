'use client';

import { useState, type FormEvent } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { NO_RELYING_PARTY, PASSKEY_NAME_MAX } from '@/lib/auth/passkeys-limits';
import { useWebAuthnSupport } from '@/lib/auth/webauthn-support';
import { addPasskeyAction, passkeyRegistrationOptionsAction } from './passkeys-actions';

/**
 * "Add a passkey": a name, then the browser's own dialog. WebAuthn is a script API, so the form
 * appears only once the script runs in a browser that has it; otherwise a line says why not.
 */
export function PasskeysAddForm() {
  const support = useWebAuthnSupport();
  const [pending, setPending] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors(undefined);
    setMessage('');
    try {
      const step = await passkeyRegistrationOptionsAction({ name });
      if (!step.ok) {
        setErrors(step.errors?.name);
        setMessage(step.message ?? '');
        return;
      }
      const { startRegistration } = await import('@simplewebauthn/browser');
      let credential;
      try {
        credential = await startRegistration({ optionsJSON: step.options });
      } catch (error) {
        const code = (error as { code?: string }).code;
        setMessage(
          code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'
            ? 'This device already has a passkey for your account.'
            : 'No passkey was created.',
        );
        return;
      }
      // Success redirects to this page, with the new passkey listed.
      const result = await addPasskeyAction({ name, credential: JSON.stringify(credential) });
      if (result?.message) setMessage(result.message);
    } finally {
      setPending(false);
    }
  }

  if (support === 'no-script') return <p className="muted">Adding a passkey needs JavaScript.</p>;
  if (support === 'no-webauthn') return <p className="muted">This browser cannot make passkeys.</p>;
  if (support === 'ip-address') return <p className="muted">{NO_RELYING_PARTY}</p>;
  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <FormMessage message={message} />
      <Field
        name="passkeyName"
        label="Passkey name"
        hint="So you can tell your passkeys apart, e.g. “Work laptop”."
        maxLength={PASSKEY_NAME_MAX}
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors}
      />
      <FormActions submit="Add a passkey" pending={pending} />
    </form>
  );
}
