import type { ReactNode } from 'react';
import { setFavouriteAction } from './favourite-actions';
import './lists.css';

/**
 * The favourite star: a toggle button (aria-pressed) that submits the form it is in, so it works
 * without JavaScript. Its value says what to set and for whom ("set:<id>" or "unset:<id>"), so
 * one form serves every star of a list.
 */
export function StarButton({
  id,
  name,
  favourite,
}: {
  id: string;
  name: string;
  favourite: boolean;
}) {
  return (
    <button
      type="submit"
      name="star"
      value={`${favourite ? 'unset' : 'set'}:${id}`}
      className="star"
      aria-pressed={favourite}
      aria-label={`Favourite: ${name}`}
      title={favourite ? 'Favourite (press to remove the star)' : 'Mark as favourite'}
    >
      <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
    </button>
  );
}

/**
 * The form the stars of a page submit. One for a whole list: a form per row, each with its hidden
 * fields and action id, was a quarter of the contact list's HTML and of its rendering time (ADR
 * 008). `back` is where to return afterwards (the page it is on, with its query), same-site only.
 */
export function StarsForm({
  back,
  className,
  children,
}: {
  back: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={setFavouriteAction} className={className}>
      <input type="hidden" name="back" value={back} />
      {children}
    </form>
  );
}

/** A star in a form of its own (the contact's page). */
export function FavouriteButton({
  id,
  name,
  favourite,
  back,
}: {
  id: string;
  name: string;
  favourite: boolean;
  back: string;
}) {
  return (
    <StarsForm back={back} className="favourite-form">
      <StarButton id={id} name={name} favourite={favourite} />
    </StarsForm>
  );
}
