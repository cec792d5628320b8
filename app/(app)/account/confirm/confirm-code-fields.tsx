'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { initialFormState } from '@/lib/forms/form-state';
import { confirmWithCodeAction } from './code-actions';

/** The one-time code form of /account/confirm (shown by ConfirmCodeForm when codes are on). */
export function ConfirmCodeFields({ next }: { next: string }) {
  const [state, action, pending] = useActionState(confirmWithCodeAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field
        name="code"
        id="confirm-code"
        label="Authentication code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        required
        errors={state.errors.code}
      />
      <FormActions submit="Confirm with a code" pending={pending} />
    </form>
  );
}
