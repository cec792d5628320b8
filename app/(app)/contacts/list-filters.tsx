import Link from 'next/link';
import { listHref, type ListState } from './list-params';

interface LabelCount {
  key: string;
  name: string;
  count: number;
}

/** All, Favourites, and one link per label: each keeps the search and the sort, from page 1. */
export function ListFilters({ state, labels }: { state: ListState; labels: LabelCount[] }) {
  const base = { q: state.q, sort: state.sort };
  const all = !state.favourites && !state.label;
  const chip = (href: string, current: boolean, text: string) =>
    current ? (
      <strong className="chip" aria-current="true">
        {text}
      </strong>
    ) : (
      <Link className="chip" href={href}>
        {text}
      </Link>
    );
  return (
    <nav aria-label="Filter" className="filter-nav">
      <ul>
        <li>{chip(listHref(base), all, 'All')}</li>
        <li>{chip(listHref({ ...base, favourites: true }), state.favourites, '★ Favourites')}</li>
        {labels.map((l) => (
          <li key={l.key}>
            {chip(
              listHref({ ...base, label: l.key }),
              state.label === l.key,
              `${l.name} (${l.count.toLocaleString('en-US')})`,
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
