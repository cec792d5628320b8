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

  // When the search changes some other way (a link, Back), show it, unless the user is typing.
  useEffect(() => {
    const field = input.current;
    if (field && document.activeElement !== field) field.value = q;
  }, [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function follow(value: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams();
      if (value.trim()) params.set('q', value.trim());
      // The sort and filters, after q: the same order as a submitted form gives.
      for (const [name, v] of keep) params.set(name, v);
      const query = params.toString();
      startTransition(() => router.replace(query ? `/contacts?${query}` : '/contacts'));
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
