import 'server-only';
import {
  defaultChoices,
  mostComplete,
  type Choices,
  type MergeSource,
} from '@/lib/contacts/duplicates/merge-model';
import { getContact, type StoredContact } from '@/lib/contacts/store';

export interface MergeDraft {
  contacts: StoredContact[];
  sources: MergeSource[];
  keep: MergeSource;
  choices: Choices;
}

/**
 * The owner's live contacts to merge, the one kept (the most complete) and the choices: those
 * given, the defaults for the rest. Undefined when any is not the owner's live contact.
 */
export async function loadMerge(
  ownerId: string,
  ids: string[],
  given: Partial<Choices>,
): Promise<MergeDraft | undefined> {
  const contacts = await Promise.all(ids.map((id) => getContact(ownerId, id)));
  if (contacts.some((c) => !c)) return undefined;
  const found = contacts as StoredContact[];
  const sources = found.map((c) => ({
    id: c.id,
    model: c.model,
    flags: c.flags,
    hasPhoto: c.photoEtag !== null,
  }));
  const keep = mostComplete(sources);
  return {
    contacts: found,
    sources,
    keep,
    choices: { ...defaultChoices(sources, keep), ...given },
  };
}
