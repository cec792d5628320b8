import type { ContactSort } from '@/lib/contacts/queries';

/** A plain GET form: the search stays in the URL and works without JavaScript; the sort is kept. */
export function SearchForm({ q, sort }: { q: string; sort: ContactSort }) {
  return (
    <form method="get" action="/contacts" role="search" className="search-form">
      <label htmlFor="search">Search</label>
      <input
        id="search"
        type="search"
        name="q"
        defaultValue={q}
        maxLength={100}
        placeholder="Name, email or phone"
        key={q}
      />
      {sort !== 'name' ? <input type="hidden" name="sort" value={sort} /> : null}
      <button type="submit">Search</button>
    </form>
  );
}
