import Link from 'next/link';
import type { NameOrder } from '@/lib/contacts/store';
import { setNameOrderAction } from './list-actions';
import { CONTACT_SORTS, listHref, type ListSort, type ListState } from './list-params';

export const SORT_LABELS: Record<Exclude<ListSort, 'name'>, string> = {
  birthday: 'Birthday',
  added: 'Date added',
};
const NAME_ORDERS: [NameOrder, string][] = [
  ['first', 'First name'],
  ['last', 'Last name'],
];

/**
 * "Sort by: First name, Last name, Birthday, Date added". The name orders are a saved choice
 * (kept for later visits), so they are small POST forms that work without JavaScript; the
 * others are links. The current one is marked, not a control.
 */
export function SortNav({ state, nameOrder }: { state: ListState; nameOrder: NameOrder }) {
  const byName = listHref({ ...state, sort: 'name', page: 1 });
  return (
    <nav aria-label="Sort" className="sort-nav">
      <span>Sort by:</span>
      <ul>
        {NAME_ORDERS.map(([order, label]) => (
          <li key={order}>
            {state.sort === 'name' && order === nameOrder ? (
              <strong aria-current="true">{label}</strong>
            ) : (
              <form action={setNameOrderAction}>
                <input type="hidden" name="order" value={order} />
                <input type="hidden" name="back" value={byName} />
                <button type="submit" className="link-button">
                  {label}
                </button>
              </form>
            )}
          </li>
        ))}
        {CONTACT_SORTS.filter((sort) => sort !== 'name').map((sort) => (
          <li key={sort}>
            {sort === state.sort ? (
              <strong aria-current="true">{SORT_LABELS[sort]}</strong>
            ) : (
              <Link href={listHref({ ...state, sort, page: 1 })}>{SORT_LABELS[sort]}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
