'use client';

// In production Next replaces the error with a digest: no message, stack or SQL reaches the page.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="narrow" aria-labelledby="error-heading">
      <h1 id="error-heading">Temporarily unavailable</h1>
      <p>
        Something went wrong on our side, and this page could not be shown. Please try again in a
        moment.
      </p>
      {error.digest ? (
        <p className="muted">
          Error reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
