import { listParams, type ListState } from './list-params';
import { SearchInput } from './search-input';

/**
 * A plain GET form: the search stays in the URL and works without JavaScript; the sort and the
 * filters (label, favourites) are kept.
 */
export function SearchForm({ state }: { state: ListState }) {
  const kept = [...listParams({ ...state, q: '', page: 1 })];
  return (
    <form method="get" action="/contacts" role="search" className="search-form">
      <label htmlFor="search">Search</label>
      <SearchInput q={state.q} keep={kept} />
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">Search</button>
    </form>
  );
}
