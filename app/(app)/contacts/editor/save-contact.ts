import 'server-only';
import { getConfig } from '@/lib/config';
import { checkContact, MESSAGES } from '@/lib/contacts/checks';
import {
  applyIntent,
  parseIntent,
  readContactForm,
  type ContactDraft,
} from '@/lib/contacts/form-model';
import type { ContactFlag, ContactModel } from '@/lib/contacts/model';
import { processPhoto } from '@/lib/contacts/photos';
import type { ProcessedPhoto } from '@/lib/contacts/store';
import type { ContactFormState } from './editor-state';

const DATE_PARTS_MESSAGE =
  'Enter a day and a month (and the year, if known) that make a real date, e.g. 12 April 1985.';

/** What the form asks for: a re-render with a row more or less, or a checked contact to save. */
export type EditorRequest =
  | { kind: 'rows'; state: ContactFormState }
  | { kind: 'refused'; state: ContactFormState }
  | {
      kind: 'save';
      draft: ContactDraft;
      model: ContactModel;
      flags: ContactFlag[];
      /** undefined: keep the current photo; null: remove it. */
      photo: ProcessedPhoto | null | undefined;
    };

/**
 * Reads and checks the editor's form: row intents are answered with the same draft one row more
 * or less; a save runs checkContact (values the person ticked "keep as typed" pass, flagged) and
 * re-encodes an uploaded photo. Refused input comes back with every value as typed.
 */
export async function readEditorRequest(
  formData: FormData,
  base: { uid: string; version?: string },
): Promise<EditorRequest> {
  const draft = readContactForm(formData);
  const intent = parseIntent(formData.get('intent'));
  const answer = (over: Partial<ContactFormState>): ContactFormState => ({
    errors: {},
    values: {},
    draft,
    version: base.version,
    ...over,
  });
  if (intent) return { kind: 'rows', state: answer({ draft: applyIntent(draft, intent) }) };

  const checked = checkContact(
    { ...draft.model, uid: base.uid },
    { region: getConfig().DEFAULT_PHONE_REGION, keepAsTyped: new Set(draft.keep) },
  );
  const errors: Record<string, string[]> = {};
  for (const { path, message } of checked.errors) {
    const shown = (path === 'birthday' || path === 'anniversary') && message === MESSAGES.date;
    (errors[path || 'form'] ??= []).push(shown ? DATE_PARTS_MESSAGE : message);
  }

  let photo: ProcessedPhoto | null | undefined;
  const file = formData.get('photo');
  if (file instanceof File && file.size > 0) {
    const result = await processPhoto(new Uint8Array(await file.arrayBuffer()));
    if (result.ok) photo = result.photo;
    else errors.photo = [result.message];
  } else if (formData.has('removePhoto')) {
    photo = null;
  }

  if (Object.keys(errors).length) return { kind: 'refused', state: answer({ errors }) };
  return { kind: 'save', draft, model: checked.model, flags: checked.flags, photo };
}

/** The editor's first state for a contact: its model as the form shows it. */
export function draftOf(model: ContactModel, flags: ContactFlag[]): ContactDraft {
  const parts = [
    model.name.prefix,
    model.name.given,
    model.name.middle,
    model.name.family,
    model.name.suffix,
  ];
  // A display name that only repeats the parts is left empty, so editing a part updates it too.
  const derived = parts.filter(Boolean).join(' ');
  const formattedName =
    model.formattedName === derived ||
    model.formattedName === parts.slice(1, 4).filter(Boolean).join(' ')
      ? ''
      : model.formattedName;
  // Values kept as typed before stay kept unless the person unticks them.
  const keep = flags.flatMap((f) =>
    f.index === undefined
      ? [f.field]
      : f.field === 'addresses'
        ? []
        : [`${f.field}.${f.index}.value`],
  );
  return { model: { ...model, formattedName }, keep: [...new Set(keep)] };
}
