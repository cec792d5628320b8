import { LETTERS, letterId } from './letter';
import { listParams, type ListState } from './list-params';

/**
 * The A–Z jump. A letter with people on this page links to its heading here; any other letter
 * asks the server for the page where that letter starts (`?letter=`, keeping the search and
 * filters), which answers with a redirect to that page and heading: plain links, so it works
 * without JavaScript. A letter nobody is filed under lands on the next one that has someone.
 */
export function LetterNav({ present, state }: { present: Set<string>; state: ListState }) {
  const jump = (letter: string) => {
    const params = listParams({ ...state, page: 1 });
    params.set('letter', letter);
    return `/contacts?${params}`;
  };
  return (
    <nav aria-label="Jump to a letter" className="letter-nav">
      <ul>
        {LETTERS.map((letter) => (
          <li key={letter}>
            <a
              href={present.has(letter) ? `#${letterId(letter)}` : jump(letter)}
              className={present.has(letter) ? undefined : 'letter-off'}
            >
              {letter}
              {letter === '#' ? <span className="visually-hidden"> (other names)</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
