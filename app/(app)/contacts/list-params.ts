/**
 * The contacts list's state as it lives in the URL (?q=&sort=&label=&favourites=1&page=), read
 * leniently (anything odd reads as the default) and written back with the defaults left out.
 */
export const CONTACT_SORTS = ['name', 'birthday', 'added'] as const;
export type ListSort = (typeof CONTACT_SORTS)[number];

export interface ListState {
  q: string;
  sort: ListSort;
  label: string;
  favourites: boolean;
  page: number;
}

/** Deeper than this is never reached by clicking "Next"; OFFSET stays cheap below it. */
const MAX_PAGE = 10_000;
/** Longer than any label the labels page lets a person create. */
const MAX_LABEL = 100;

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function readListState(raw: Raw): ListState {
  const q = one(raw.q).slice(0, 100).trim();
  const sortParam = one(raw.sort);
  const sort = (CONTACT_SORTS as readonly string[]).includes(sortParam)
    ? (sortParam as ListSort)
    : 'name';
  const label = one(raw.label).slice(0, MAX_LABEL).trim();
  const favourites = one(raw.favourites) === '1';
  const pageNumber = Number(one(raw.page) || 1);
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { q, sort, label, favourites, page };
}

/** The query parameters of a state, defaults left out (page 1, sort by name, no filter). */
export function listParams(state: Partial<ListState>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort && state.sort !== 'name') params.set('sort', state.sort);
  if (state.label) params.set('label', state.label);
  if (state.favourites) params.set('favourites', '1');
  if (state.page && state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The list's address with the given state. */
export function listHref(state: Partial<ListState>): string {
  const query = listParams(state).toString();
  return query ? `/contacts?${query}` : '/contacts';
}
