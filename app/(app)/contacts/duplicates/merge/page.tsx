import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { shownName } from '@/lib/contacts/duplicates/keys';
import {
  CHOICE_FIELDS,
  choiceText,
  mergeModels,
  type ChoiceField,
} from '@/lib/contacts/duplicates/merge-model';
import { mergeAction } from '../actions';
import { ContactSummary } from '../contact-summary';
import '../duplicates.css';
import { KeptList } from './kept-list';
import { loadMerge } from './load-merge';
import { parseChoices, parseIds } from './merge-params';

export const metadata = { title: 'Review and merge · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELD_NAMES: Record<ChoiceField, string> = {
  name: 'Name',
  organization: 'Organisation',
  jobTitle: 'Job title',
  birthday: 'Birthday',
  note: 'Note',
  photo: 'Photo',
};

function Gone() {
  return (
    <section>
      <h1>Review and merge</h1>
      <p>
        These contacts cannot be merged: one of them is no longer there.{' '}
        <Link href="/contacts/duplicates">Back to duplicates</Link>
      </p>
    </section>
  );
}

export default async function MergePage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const query = await searchParams;
  const ids = parseIds(query.ids);
  if (!ids) return <Gone />;
  const draft = await loadMerge(
    user.id,
    ids,
    parseChoices((f) => query[f], ids),
  );
  if (!draft) return <Gone />;
  const { sources, keep, choices, contacts } = draft;
  const merged = mergeModels(sources, keep, choices, getConfig().DEFAULT_PHONE_REGION).model;
  const names = sources.map((s) => shownName(s.model));
  return (
    <section>
      <h1>Review and merge</h1>
      <p>
        Merging {names.join(' and ')}. Choose the values the merged contact keeps; every email,
        phone, address, website and label of each is kept. The other{' '}
        {sources.length === 2 ? 'card goes' : 'cards go'} to Trash, where you can restore{' '}
        {sources.length === 2 ? 'it' : 'them'}.{' '}
        <Link href="/contacts/duplicates">Back to duplicates</Link>
      </p>
      <form action={mergeAction}>
        <input type="hidden" name="ids" value={ids.join(',')} />
        <input type="hidden" name="keep" value={keep.id} />
        {contacts.map((c) => (
          <input key={c.id} type="hidden" name={`version-${c.id}`} value={c.version} />
        ))}
        <h2>Choose values</h2>
        {CHOICE_FIELDS.map((field) => {
          const texts = sources.map((s) => choiceText(field, s).trim());
          // Nothing to choose when every contact has the same value (or none has one).
          if (new Set(texts).size === 1) {
            return <input key={field} type="hidden" name={field} value={choices[field]} />;
          }
          return (
            <fieldset key={field} className="merge-choice">
              <legend>{FIELD_NAMES[field]}</legend>
              {sources.map((s, i) => (
                <label key={s.id}>
                  <input
                    type="radio"
                    name={field}
                    value={s.id}
                    defaultChecked={choices[field] === s.id}
                  />
                  <span>
                    {texts[i] || <span className="muted">None</span>}{' '}
                    <span className="muted">(from {names[i]})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <p className="actions">
          {/* Preview first: Enter in the form previews, only the Merge button merges. */}
          <button type="submit" name="intent" value="preview" className="secondary">
            Update preview
          </button>
          <button type="submit" name="intent" value="merge">
            Merge
          </button>
        </p>
      </form>
      <section className="merge-preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview: {shownName(merged)}</h2>
        <ContactSummary model={merged} />
        <KeptList model={merged} />
      </section>
      <h2>The contacts being merged</h2>
      <ul className="duplicate-cards">
        {contacts.map((c, i) => (
          <li key={c.id}>
            <h3>
              {names[i]}
              {c.id === keep.id ? <span className="muted"> (kept)</span> : null}
            </h3>
            <ContactSummary model={c.model} createdAt={c.createdAt} />
          </li>
        ))}
      </ul>
    </section>
  );
}
