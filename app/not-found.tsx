import Link from 'next/link';

export const metadata = { title: 'Page not found · Contact Cards' };

export default function NotFound() {
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
