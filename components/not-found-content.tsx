import Link from 'next/link';

/** The body of the 404 page, shared by app/not-found.tsx and <ContactNotFound>. */
export function NotFoundContent() {
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. It may have been deleted, or the link may be mistyped.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
