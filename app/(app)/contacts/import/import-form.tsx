'use client';

import Link from 'next/link';
import { useActionState, useState, type FormEvent } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { IMPORT_MAX_BYTES } from '@/lib/contacts/fields';
import { importContactsAction, type ImportState } from './actions';

const TOO_LARGE = 'The file is larger than 5 MB. Split it into smaller files and import each.';

export function ImportForm() {
  const [state, formAction, pending] = useActionState<ImportState, FormData>(importContactsAction, {
    errors: {},
    values: {},
  });
  // A file over the server's body limit for this page would be cut off with a bare 413, which
  // the page can only show as a server error: with JavaScript, it is refused before it is sent.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem('file');
    const size = input instanceof HTMLInputElement ? (input.files?.[0]?.size ?? 0) : 0;
    setTooLarge(size > IMPORT_MAX_BYTES);
    if (size > IMPORT_MAX_BYTES) event.preventDefault();
  };
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
      <form action={formAction} onSubmit={checkSize} className="stack" noValidate>
        <Field
          name="file"
          label="File"
          type="file"
          accept=".vcf,.vcard,.csv,text/vcard,text/x-vcard,text/csv"
          required
          hint="A vCard (.vcf, version 2.1, 3.0 or 4.0, one or many cards) or a CSV with a header row, as Google Contacts, Outlook or this site export them. Up to 5 MB and 20,000 contacts."
          errors={tooLarge ? [TOO_LARGE] : state.errors.file}
        />
        <FormActions
          submit={pending ? 'Importing…' : 'Import'}
          pending={pending}
          link={{ href: '/contacts', label: 'Cancel' }}
        />
      </form>
    </>
  );
}
