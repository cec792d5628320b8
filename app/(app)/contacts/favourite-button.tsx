import { setFavouriteAction } from './favourite-actions';
import './lists.css';

/**
 * The favourite star: a toggle button (aria-pressed) in a form, so it works without JavaScript.
 * `back` is where to return afterwards (the page it is on, with its query), same-site only.
 */
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
    <form action={setFavouriteAction} className="favourite-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="favourite" value={favourite ? 'false' : 'true'} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        className="star"
        aria-pressed={favourite}
        aria-label={`Favourite: ${name}`}
        title={favourite ? 'Favourite (press to remove the star)' : 'Mark as favourite'}
      >
        <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
      </button>
    </form>
  );
}
