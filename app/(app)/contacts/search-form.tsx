import type { ContactSort } from '@/lib/contacts/store/types';
import { SearchInput } from './search-input';

/** A plain GET form: the search stays in the URL and works without JavaScript; the sort is kept. */
export function SearchForm({ q, sort }: { q: string; sort: ContactSort }) {
  return (
    <form method="get" action="/contacts" role="search" className="search-form">
      <label htmlFor="search">Search</label>
      <SearchInput q={q} sort={sort} />
      {sort !== 'name' ? <input type="hidden" name="sort" value={sort} /> : null}
      <button type="submit">Search</button>
    </form>
  );
}
