'use client';

import Link from 'next/link';
import { useRef, useSyncExternalStore, type ReactNode } from 'react';
import { deleteContactAction } from '../actions';

const noSubscription = () => () => {};

/**
 * "Delete": without JavaScript a link to the confirmation page; with it, a button that opens a
 * modal dialog asking the same question. Either way the deletion is a POST.
 */
export function DeleteContact({ id, name, icon }: { id: string; name: string; icon?: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) {
    return (
      <Link href={`/contacts/${id}/delete`} className="button danger">
        {icon}
        Delete
      </Link>
    );
  }
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          dialog.current?.showModal();
          // showModal() focuses the first button, "Yes, delete": an Enter typed at once must not delete.
          cancel.current?.focus();
        }}
      >
        {icon}
        Delete
      </button>
      <dialog ref={dialog} aria-labelledby="delete-heading" aria-describedby="delete-text">
        <h2 id="delete-heading">Delete {name}?</h2>
        <p id="delete-text">The contact goes to the Trash, where it stays for 30 days.</p>
        <form action={deleteContactAction} className="actions">
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="danger">
            Yes, delete
          </button>
          <button
            ref={cancel}
            type="button"
            className="secondary"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </form>
      </dialog>
    </>
  );
}
