'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/field';
import { importContactsAction, type ImportState } from './actions';

export function ImportForm() {
  const [state, formAction, pending] = useActionState<ImportState, FormData>(importContactsAction, {
    errors: {},
    values: {},
  });
  const skipped = state.skipped ?? [];
  return (
    <>
      <div role="status">
        {state.imported ? (
          <div className="import-summary">
            <p>
              <strong>{state.message}</strong>{' '}
              <Link href="/contacts?sort=added">See your contacts</Link>
            </p>
          </div>
        ) : null}
      </div>
      {skipped.length > 0 ? (
        <section aria-labelledby="skipped-heading">
          <h2 id="skipped-heading">
            {state.imported ? 'Skipped' : 'Nothing was imported'}: {state.skippedCount} record
            {state.skippedCount === 1 ? '' : 's'}
          </h2>
          <ul className="skipped-list">
            {skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.where}:</strong> {s.reason}
              </li>
            ))}
          </ul>
          {(state.skippedCount ?? 0) > skipped.length ? (
            <p>and {(state.skippedCount ?? 0) - skipped.length} more.</p>
          ) : null}
        </section>
      ) : null}
      <form action={formAction} className="stack" noValidate>
        <Field
          name="file"
          label="File"
          type="file"
          accept=".vcf,.vcard,.csv,text/vcard,text/x-vcard,text/csv"
          required
          hint="A vCard (.vcf, version 2.1, 3.0 or 4.0, one or many cards) or a CSV with a header row, as Google Contacts, Outlook or this site export them. Up to 5 MB and 20,000 contacts."
          errors={state.errors.file}
        />
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? 'Importing…' : 'Import'}
          </button>
          <Link href="/contacts">Cancel</Link>
        </div>
      </form>
    </>
  );
}
