import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NotFoundContent } from '@/components/not-found-content';

function Missing(): never {
  notFound();
}

/**
 * The 404 for a contact this user cannot see. Next 16.4 answers a notFound() thrown while a page
 * renders with an empty HTML shell that only JavaScript fills (blank without it). Thrown inside
 * a Suspense boundary instead, the server's HTML carries the fallback (the same 404 content), and
 * with JavaScript the router still shows the not-found page.
 */
export function ContactNotFound() {
  return (
    <Suspense fallback={<NotFoundContent />}>
      <Missing />
    </Suspense>
  );
}
