import { describe, expect, it } from 'vitest';
import { listHref, readListState } from './list-params';

describe('the list state in the URL', () => {
  it('reads defaults from nothing and from nonsense', () => {
    const defaults = { q: '', sort: 'name', label: '', favourites: false, page: 1 };
    expect(readListState({})).toEqual(defaults);
    expect(readListState({ sort: 'evil', page: '-3', favourites: 'yes' })).toEqual(defaults);
    expect(readListState({ page: '1e9' }).page).toBe(10_000);
  });

  it('round-trips a full state, the first of repeated parameters winning', () => {
    const state = readListState({
      q: [' ada ', 'x'],
      sort: 'added',
      label: 'Family & friends',
      favourites: '1',
      page: '3',
    });
    expect(state).toEqual({
      q: 'ada',
      sort: 'added',
      label: 'Family & friends',
      favourites: true,
      page: 3,
    });
    const href = listHref(state);
    expect(href).toBe('/contacts?q=ada&sort=added&label=Family+%26+friends&favourites=1&page=3');
    const back = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(readListState(back)).toEqual(state);
  });

  it('leaves the defaults out', () => {
    expect(listHref({ q: '', sort: 'name', page: 1 })).toBe('/contacts');
  });
});
