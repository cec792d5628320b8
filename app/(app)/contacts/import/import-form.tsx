'use client';

import Link from 'next/link';
import { useActionState, useState, type FormEvent } from 'react';
import { Field } from '@/components/field';
import { FormActions } from '@/components/form-actions';
import { IMPORT_MAX_BYTES, IMPORT_MESSAGES } from '@/lib/contacts/import/limits';
import { importContactsAction, type ImportState } from './actions';

export function ImportForm({ initialError }: { initialError?: string }) {
  const [state, formAction, pending] = useActionState<ImportState, FormData>(importContactsAction, {
    errors: initialError ? { file: [initialError] } : {},
    values: {},
  });
  // A file over the server's body limit is refused before it reaches the action; with
  // JavaScript it is refused here, before it is sent.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem('file');
    const size = input instanceof HTMLInputElement ? (input.files?.[0]?.size ?? 0) : 0;
    setTooLarge(size > IMPORT_MAX_BYTES);
    if (size > IMPORT_MAX_BYTES) event.preventDefault();
  };
  const notes = state.notes ?? [];
  const more = state.moreNotes ?? 0;
  return (
    <>
      <div role="status">
        {state.summary ? (
          <div className="import-summary">
            <p>
              <strong>Imported: {state.summary}.</strong>{' '}
              <Link href="/contacts?sort=added">See your contacts</Link>
            </p>
          </div>
        ) : null}
      </div>
      {notes.length > 0 ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">
            {state.summary ? 'Worth checking' : 'Nothing was imported'}: {notes.length + more}{' '}
            {notes.length + more === 1 ? 'note' : 'notes'}
          </h2>
          <ul className="skipped-list">
            {notes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {more > 0 ? <p>and {more.toLocaleString('en-US')} more.</p> : null}
        </section>
      ) : null}
      <form action={formAction} onSubmit={checkSize} className="stack" noValidate>
        <Field
          name="file"
          label="File"
          type="file"
          accept=".vcf,.vcard,.csv,text/vcard,text/x-vcard,text/csv"
          required
          hint="A vCard (.vcf, version 2.1, 3.0 or 4.0, one or many cards) or a CSV with a header row, as Google Contacts, Outlook, Thunderbird or this site export them. Up to 5 MB and 20,000 contacts."
          errors={tooLarge ? [IMPORT_MESSAGES.tooLarge] : state.errors.file}
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
