import { LETTERS, letterId } from './letter';

/**
 * The A–Z jump: a link to each letter heading on this page; a letter with nobody on this page is
 * shown dimmed and is not a link. It covers the current page only, not the whole address book:
 * the pager moves between pages of 25, and a link that silently changed page (and dropped the
 * search or filter the page was made with) would surprise more than it helps.
 */
export function LetterNav({ present }: { present: Set<string> }) {
  return (
    <nav aria-label="Jump to a letter on this page" className="letter-nav">
      <ul>
        {LETTERS.map((letter) => (
          <li key={letter}>
            {present.has(letter) ? (
              <a href={`#${letterId(letter)}`}>
                {letter}
                {letter === '#' ? <span className="visually-hidden"> (other names)</span> : null}
              </a>
            ) : (
              <span className="letter-off">
                {letter}
                {letter === '#' ? <span className="visually-hidden"> (other names)</span> : null}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
