import Link from 'next/link';
import { listHref, type ListState } from './list-params';

const n = (page: number) => page.toLocaleString('en-US');

/**
 * "Page 2 of 12" with First, Previous, Next and Last links. A link that would lead to this page
 * (or past the end) is left out rather than disabled: a link cannot be disabled. `more`: the
 * count stopped at `pages` (a search of a big book), so "of more than 40" and no Last link.
 */
export function Pager({
  state,
  pages,
  more = false,
}: {
  state: ListState;
  pages: number;
  more?: boolean;
}) {
  const { page } = state;
  const to = (target: number) => listHref({ ...state, page: target });
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? (
        <>
          <Link href={to(1)}>First</Link>
          <Link href={to(Math.min(page - 1, pages))} rel="prev">
            Previous
          </Link>
        </>
      ) : null}
      <span>
        Page {n(page)} of {more ? `more than ${n(pages)}` : n(pages)}
      </span>
      {page < pages || more ? (
        <>
          <Link href={to(page + 1)} rel="next">
            Next
          </Link>
          {more ? null : <Link href={to(pages)}>Last</Link>}
        </>
      ) : null}
    </nav>
  );
}
