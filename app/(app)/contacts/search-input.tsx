'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

/** How long typing must pause before the list follows it. */
const DEBOUNCE_MS = 300;

/**
 * The search field. Without JavaScript it is a plain field of a GET form; with it, the list also
 * follows what is typed (after a short pause), replacing the history entry rather than adding one
 * per keystroke. The form's button still submits at once. `keep`: the sort and filters.
 */
export function SearchInput({ q, keep }: { q: string; keep: [string, string][] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Set by a submitted search: focus its summary once the results have arrived. */
  const summaryFocus = useRef(false);

  // When the search changes some other way (a link, Back), show it, unless the user is typing.
  useEffect(() => {
    const field = input.current;
    if (field && document.activeElement !== field) field.value = q;
  }, [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // A submitted search (the button, or Enter) is followed here rather than by a page load, which
  // would drop focus on the page's body: once the results are in, focus goes to their summary.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      clearTimeout(timer.current);
      summaryFocus.current = true;
      startTransition(() => router.push(hrefFor(input.current?.value ?? '', keep)));
    };
    form.addEventListener('submit', submit);
    return () => form.removeEventListener('submit', submit);
  }, [keep, router]);
  useEffect(() => {
    if (pending || !summaryFocus.current) return;
    summaryFocus.current = false;
    const summary = document.getElementById('search-summary');
    // An empty search has no summary: focus stays in the field.
    if (summary?.textContent) summary.focus();
  }, [pending]);

  function follow(value: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(hrefFor(value, keep)));
    }, DEBOUNCE_MS);
  }

  return (
    <input
      ref={input}
      id="search"
      type="search"
      name="q"
      defaultValue={q}
      maxLength={100}
      placeholder="Name, email or phone"
      autoComplete="off"
      aria-describedby="search-summary"
      aria-busy={pending || undefined}
      onChange={(event) => follow(event.currentTarget.value)}
    />
  );
}

/** The list's address for a search, with the sort and filters after q (as a submitted form orders them). */
function hrefFor(value: string, keep: [string, string][]): string {
  const params = new URLSearchParams();
  if (value.trim()) params.set('q', value.trim());
  for (const [name, v] of keep) params.set(name, v);
  const query = params.toString();
  return query ? `/contacts?${query}` : '/contacts';
}
