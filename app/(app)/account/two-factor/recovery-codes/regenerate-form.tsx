'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import { regenerateRecoveryCodesAction, type RecoveryCodesState } from '../actions';
import { RecoveryCodesList } from '../recovery-codes-list';

const initialState: RecoveryCodesState = { errors: {}, values: {} };

/** "Make new recovery codes": the new ones are shown from the action's state, this once. */
export function RegenerateForm({ left }: { left: number }) {
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, initialState);
  if (state.codes) {
    return (
      <div aria-live="polite">
        <p role="status">New recovery codes made. The old ones no longer work.</p>
        <RecoveryCodesList codes={state.codes} />
        <p>
          <Link href="/account">Done: back to your account</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage message={state.message} />
      <p>
        You have {left} unused recovery code{left === 1 ? '' : 's'}. New codes replace all of them:
        the old ones stop working at once.
      </p>
      <FormActions
        submit="Make new recovery codes"
        pending={pending}
        link={{ href: '/account', label: 'Cancel' }}
      />
    </form>
  );
}
