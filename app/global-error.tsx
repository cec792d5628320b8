'use client';

// The app's own stylesheet: the Content-Security-Policy allows no style attributes.
import './globals.css';

// Replaces the root layout when it fails, so it brings its own <html>.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="narrow">
          <h1>Temporarily unavailable</h1>
          <p>Contact Cards could not show this page. Please try again in a moment.</p>
          {error.digest ? <p className="muted">Error reference: {error.digest}</p> : null}
          <p>
            {/* A full reload: the app's own navigation is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
