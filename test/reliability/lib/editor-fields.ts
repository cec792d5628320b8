/**
 * The contact editor's field names (lib/contacts/form-model.ts): a few rows of each kind (the
 * first, the second and ones at and past the 100-row cap), the keep-as-typed ticks, and a stray
 * `intent`. For fuzzing the form with names it reads, not only random ones.
 */
export const EDITOR_FIELDS = [
  ...['formattedName', 'nickname', 'organization', 'department', 'jobTitle', 'note'],
  ...['prefix', 'given', 'middle', 'family', 'suffix'].map((f) => `name.${f}`),
  ...['birthday', 'anniversary'].flatMap((f) =>
    ['day', 'month', 'year', 'kept'].map((p) => `${f}.${p}`),
  ),
  ...['emails', 'phones', 'urls', 'impps'].flatMap((k) => [
    `${k}.pref`,
    ...[0, 1, 99, 100].flatMap((i) =>
      ['value', 'label', 'labelOther'].map((p) => `${k}.${i}.${p}`),
    ),
  ]),
  ...['street', 'locality', 'postalCode', 'country', 'label'].map((p) => `addresses.0.${p}`),
  ...['dates.0.value', 'dates.0.label', 'related.0.value', 'related.0.label'],
  ...['labels', 'newLabel', 'favourite', 'keep.phones.0.value', 'keep.name.given', 'keep.note'],
  'intent',
];
