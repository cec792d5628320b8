'use client';

import { lazy, useActionState, useEffect, useRef, useState, type MouseEvent } from 'react';
import { FormActions } from '@/components/form-actions';
import { FormMessage } from '@/components/form-message';
import {
  applyIntent,
  fieldId,
  parseIntent,
  readContactForm,
  type ContactDraft,
  type RowKind,
} from '@/lib/contacts/form-model';
import { ContactFields } from './contact-fields';
import type { ContactFormState, EditorContext } from './editor-state';
import { ErrorSummary } from './error-summary';
import { ROW_NOUNS } from './field-names';
import styles from './editor.module.css';

// The conflict panel draws the whole contact view, which few people ever see: its code loads only
// when a save meets a newer version. No Suspense boundary on purpose: a page without scripts
// cannot swap streamed content in, so the server waits for the panel (an answer is a transition
// in the browser, which keeps the form on screen until the code is there).
const CurrentValues = lazy(() =>
  import('./current-values').then((m) => ({ default: m.CurrentValues })),
);

type Action = (previous: ContactFormState, formData: FormData) => Promise<ContactFormState>;

interface ContactEditorProps extends EditorContext {
  action: Action;
  initial: ContactFormState;
  /** An edit: the contact's id, sent back with the form. */
  contactId?: string;
  cancelHref: string;
  /** The locale dates are written in (the conflict panel's saved values). */
  locale: string;
}

/** The local copy of the form: replaced by each answer from the server, changed by row clicks. */
interface Local {
  from: ContactFormState;
  draft: ContactDraft;
  errors: ContactFormState['errors'];
  /** Bumped per kind on a row click, so that kind's rows re-mount with the draft's values. */
  revisions: Partial<Record<RowKind, number>>;
}

/**
 * The add and edit form. Works without JavaScript: "Add …"/"Remove …" are submit buttons the
 * server answers with the same form, one row more or less. With JavaScript the same buttons act
 * here at once (reading the form, applying the same intent), and focus follows the change.
 */
export function ContactEditor({
  action,
  initial,
  contactId,
  cancelHref,
  locale,
  ...context
}: ContactEditorProps) {
  const [state, formAction, pending] = useActionState(action, initial);
  const [local, setLocal] = useState<Local>(() => fresh(state));
  const [answers, setAnswers] = useState(0);
  const focusNext = useRef<string | null>(null);
  const [status, setStatus] = useState('');

  // A new answer from the server replaces what the form shows (React's derive-from-props pattern).
  if (local.from !== state) {
    setLocal(fresh(state));
    setAnswers(answers + 1);
  }

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  function onIntent(event: MouseEvent<HTMLButtonElement>) {
    const intent = parseIntent(event.currentTarget.value);
    const form = event.currentTarget.form;
    if (!intent || !form) return;
    event.preventDefault();
    const draft = applyIntent(readContactForm(new FormData(form)), intent);
    const rows = draft.model[intent.kind];
    const errors = Object.fromEntries(
      Object.entries(local.errors).filter(([path]) => !path.startsWith(`${intent.kind}.`)),
    );
    setLocal({
      ...local,
      draft,
      errors,
      revisions: { ...local.revisions, [intent.kind]: (local.revisions[intent.kind] ?? 0) + 1 },
    });
    const first = intent.kind === 'addresses' ? 'street' : 'value';
    focusNext.current =
      intent.op === 'add'
        ? fieldId(`${intent.kind}.${rows.length - 1}.${first}`)
        : `add-${intent.kind}`;
    setStatus(
      intent.op === 'add'
        ? `${ROW_NOUNS[intent.kind]} ${rows.length} added.`
        : `${ROW_NOUNS[intent.kind]} ${intent.index + 1} removed.`,
    );
  }

  const errorList = Object.entries(local.errors).flatMap(([path, messages]) =>
    (messages ?? []).map((m): [string, string] => [path, m]),
  );
  return (
    <form action={formAction} className={`stack ${styles.form}`} noValidate key={answers}>
      {/* Enter in a text field saves: the first submit button in the form is the one it presses. */}
      <button
        type="submit"
        name="intent"
        value="save"
        className={styles.defaultSubmit}
        tabIndex={-1}
        aria-hidden="true"
      >
        Save contact
      </button>
      <ErrorSummary errors={errorList} answer={state} />
      <FormMessage message={state.message} />
      {state.current ? <CurrentValues current={state.current} locale={locale} /> : null}
      {contactId ? <input type="hidden" name="id" value={contactId} /> : null}
      {state.version ? <input type="hidden" name="version" value={state.version} /> : null}
      <ContactFields
        draft={local.draft}
        errors={local.errors}
        revisions={local.revisions}
        onIntent={onIntent}
        {...context}
      />
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <FormActions
        submit="Save contact"
        pending={pending}
        link={{ href: cancelHref, label: 'Cancel' }}
      />
    </form>
  );
}

function fresh(state: ContactFormState): Local {
  return { from: state, draft: state.draft, errors: state.errors, revisions: {} };
}
