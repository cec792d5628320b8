import Link from 'next/link';

const href = (page: number) => (page > 1 ? `/birthdays?page=${page}` : '/birthdays');

/** "Page 2 of 12" with First, Previous, Next and Last links where they lead somewhere. */
export function BirthdayPager({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1 && page === 1) return null;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? (
        <>
          <Link href={href(1)}>First</Link>
          <Link href={href(Math.min(page - 1, pageCount))} rel="prev">
            Previous
          </Link>
        </>
      ) : null}
      <span>
        Page {page.toLocaleString('en-US')} of {pageCount.toLocaleString('en-US')}
      </span>
      {page < pageCount ? (
        <>
          <Link href={href(page + 1)} rel="next">
            Next
          </Link>
          <Link href={href(pageCount)}>Last</Link>
        </>
      ) : null}
    </nav>
  );
}
