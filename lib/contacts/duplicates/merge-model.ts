import { labelKey } from '../derive';
import type { ContactFlag, ContactModel, LabelledValue, PostalAddress } from '../model';
import { foldText, phoneDigits } from '../normalize';
import { emailKey, phoneKey } from './keys';

/** The single-valued parts a merge asks about, each taken whole from one contact. */
export const CHOICE_FIELDS = [
  'name',
  'organization',
  'jobTitle',
  'birthday',
  'note',
  'photo',
] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];
/** For each choice, the id of the contact whose value the merged contact takes. */
export type Choices = Record<ChoiceField, string>;

export interface MergeSource {
  id: string;
  model: ContactModel;
  flags: ContactFlag[];
  /** Whether the stored contact has a photo (only for choosing one). */
  hasPhoto: boolean;
}

/** The model fields (and flag fields) each choice carries. */
const PARTS: Record<Exclude<ChoiceField, 'photo'>, (keyof ContactModel)[]> = {
  name: ['formattedName', 'name', 'nickname'],
  organization: ['organization', 'department'],
  jobTitle: ['jobTitle'],
  birthday: ['birthday'],
  note: ['note'],
};

/** What a choice shows on a radio button and in the preview. */
export function choiceText(field: ChoiceField, s: MergeSource): string {
  const m = s.model;
  switch (field) {
    case 'name': {
      const parts = [m.name.prefix, m.name.given, m.name.middle, m.name.family, m.name.suffix];
      return m.formattedName.trim() || parts.filter(Boolean).join(' ');
    }
    case 'organization':
      return [m.organization, m.department].filter(Boolean).join(', ');
    case 'photo':
      return s.hasPhoto ? 'Photo' : '';
    default:
      return m[field];
  }
}

/** How filled in a contact is: the default choices come from the most complete one. */
function completeness(s: MergeSource): number {
  const filled = CHOICE_FIELDS.filter((f) => choiceText(f, s).trim()).length;
  const m = s.model;
  return filled * 2 + m.emails.length + m.phones.length + m.addresses.length + m.urls.length;
}

/** The most complete source first (the first given on a tie): the contact that is kept. */
export function mostComplete(sources: MergeSource[]): MergeSource {
  return sources.reduce((best, s) => (completeness(s) > completeness(best) ? s : best));
}

/** Each choice defaults to the kept contact's value, or the first source that has one. */
export function defaultChoices(sources: MergeSource[], keep: MergeSource): Choices {
  const pick = (field: ChoiceField) =>
    (choiceText(field, keep).trim() ? keep : sources.find((s) => choiceText(field, s).trim()))
      ?.id ?? keep.id;
  return Object.fromEntries(CHOICE_FIELDS.map((f) => [f, pick(f)])) as Choices;
}

const addressKey = (a: PostalAddress) =>
  foldText(
    [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].join('|'),
  );

const listKeys = (region: string) => ({
  emails: (v: LabelledValue) => emailKey(v.value),
  // "+44 20 7946 0958" and "020 7946 0958" are one number; one that does not parse, by its digits.
  phones: (v: LabelledValue) => phoneKey(v.value, region) || phoneDigits(v.value) || v.value.trim(),
  urls: (v: LabelledValue) => v.value.trim(),
  impps: (v: LabelledValue) => v.value.trim().toLowerCase(),
  addresses: addressKey,
  dates: (v: { value: string; label: string }) => `${v.label}|${v.value}`,
  related: (v: { value: string; label: string }) => `${v.label}|${foldText(v.value)}`,
});
type ListField = keyof ReturnType<typeof listKeys>;

export interface MergedModel {
  model: ContactModel;
  flags: ContactFlag[];
}

/**
 * The merged contact: each single-valued part from the contact chosen for it; every email, phone,
 * address, website, handle, date, related person and label of all of them, once each (the kept
 * contact's first, in order); starred if any was. The kept contact's UID stays.
 */
export function mergeModels(
  sources: MergeSource[],
  keep: MergeSource,
  choices: Choices,
  region: string,
): MergedModel {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const ordered = [keep, ...sources.filter((s) => s !== keep)];
  const model: ContactModel = { ...keep.model };
  const flags: ContactFlag[] = [];
  const single = new Set<string>();
  for (const [choice, fields] of Object.entries(PARTS) as [
    keyof typeof PARTS,
    (keyof ContactModel)[],
  ][]) {
    const from = byId.get(choices[choice]) ?? keep;
    for (const field of fields) {
      Object.assign(model, { [field]: from.model[field] });
      single.add(field);
      flags.push(...from.flags.filter((f) => f.field === field && f.index === undefined));
    }
  }
  model.anniversary = ordered.find((s) => s.model.anniversary)?.model.anniversary ?? '';
  flags.push(...keep.flags.filter((f) => f.index === undefined && !single.has(f.field)));

  const keys = listKeys(region);
  for (const field of Object.keys(keys) as ListField[]) {
    const key = keys[field] as (v: unknown) => string;
    const merged: unknown[] = [];
    const seen = new Set<string>();
    for (const s of ordered) {
      (s.model[field] as unknown[]).forEach((value, index) => {
        const k = key(value);
        if (seen.has(k)) return;
        seen.add(k);
        const at = merged.push(value) - 1;
        flags.push(
          ...s.flags
            .filter((f) => f.field === field && f.index === index)
            .map((f) => ({ ...f, index: at })),
        );
      });
    }
    Object.assign(model, { [field]: onePreferred(merged) });
  }
  const labels = new Map<string, string>();
  for (const s of ordered)
    for (const l of s.model.labels) if (!labels.has(labelKey(l))) labels.set(labelKey(l), l);
  model.labels = [...labels.values()];
  model.favourite = sources.some((s) => s.model.favourite);
  model.uid = keep.model.uid;
  return { model, flags };
}

/** At most one preferred value of a kind (the first), as the model requires. */
function onePreferred(list: unknown[]): unknown[] {
  let found = false;
  return list.map((v) => {
    if (typeof v !== 'object' || v === null || !('pref' in v) || !v.pref) return v;
    if (!found) return ((found = true), v);
    return { ...v, pref: false };
  });
}
