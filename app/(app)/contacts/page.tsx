import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Icon } from '@/components/icon';
import { requireSession } from '@/lib/auth/session';
import { countSentence } from '@/lib/contacts/format';
import {
  countContacts,
  countMatchingContacts,
  countMatchingUpTo,
  findLetterJump,
  getNameOrder,
  listContacts,
  listLabels,
  PAGE_SIZE,
} from '@/lib/contacts/store';
import { requestToday } from '@/lib/format/request-time-zone';
import { ContactTable } from './contact-table';
import { letterId, letterOf, letterOfKey, readLetter } from './letter';
import { LetterNav } from './letter-nav';
import { ListFilters } from './list-filters';
import { listHref, readListState, type ListState } from './list-params';
import './lists.css';
import { Pager } from './pager';
import { SearchForm } from './search-form';
import { SORT_LABELS, SortNav } from './sort-nav';

export const metadata = { title: 'Contacts · Contact Cards' };

type MatchCount = Awaited<ReturnType<typeof countMatchingUpTo>>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A search's count stops past this many (or past the page asked for): a short search matches most
 * of a big address book, and counting all of it cost more than the page itself (ADR 008).
 */
const COUNT_LIMIT = 1000;

/** What a search found, in words: how many match in all, whichever page this is. */
function searchSummary(q: string, { count: matching, complete }: MatchCount): string {
  if (matching === 0) return `No contacts match “${q}”.`;
  if (!complete) return `More than ${matching.toLocaleString('en-US')} contacts match “${q}”.`;
  const count = matching.toLocaleString('en-US');
  return `${count} ${matching === 1 ? 'contact matches' : 'contacts match'} “${q}”.`;
}

/** Why the page has no rows, when it is not a search (a search says so in its summary). */
function emptyReason(state: ListState, labelName: string): string | null {
  if (state.q) return null;
  if (state.page > 1) return 'There is nothing on this page. ';
  if (state.favourites) return 'No favourites yet: press the star beside a contact. ';
  if (state.label) return `No contacts have the label “${labelName}”. `;
  return 'There is nothing on this page. ';
}

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const params = await searchParams;
  const state = readListState(params);
  const nameOrder = await getNameOrder(user.id);
  const filter = { q: state.q, label: state.label || undefined, favourites: state.favourites };
  const letter = readLetter(params.letter);
  if (letter && state.sort === 'name') {
    // An A–Z jump: to the page and heading where that letter (or the next one with people) starts.
    const found = await findLetterJump(user.id, filter, nameOrder, letter);
    if (found) {
      const page = Math.floor(found.index / PAGE_SIZE) + 1;
      redirect(`${listHref({ ...state, page })}#${letterId(letterOfKey(found.key))}`);
    }
    // Nobody from that letter on: the last page.
    const matching = await countMatchingContacts(user.id, filter);
    redirect(listHref({ ...state, page: Math.max(1, Math.ceil(matching / PAGE_SIZE)) }));
  }
  const [count, matching, labels, result] = await Promise.all([
    countContacts(user.id),
    countMatchingUpTo(user.id, filter, Math.max(COUNT_LIMIT, state.page * PAGE_SIZE)),
    listLabels(user.id),
    listContacts(user.id, {
      q: state.q,
      sort: state.sort,
      page: state.page,
      label: state.label || undefined,
      favourites: state.favourites,
      nameOrder,
      today: await requestToday(),
    }),
  ]);
  const here = listHref(state);
  const labelName = labels.find((l) => l.key === state.label)?.name ?? state.label;
  return (
    <section>
      <h1>Contacts</h1>
      <p className="muted">{countSentence(count)}</p>
      <nav aria-label="Address book" className="toolbar">
        <Link href="/contacts/new" className="button">
          <Icon name="add" />
          Add a contact
        </Link>
        <Link href="/contacts/import">
          <Icon name="import" />
          Import
        </Link>
        {count > 0 ? (
          <>
            <a href="/contacts/export.vcf" download>
              <Icon name="download" />
              Export as vCard
            </a>
            <a href="/contacts/export.csv" download>
              <Icon name="download" />
              Export as CSV
            </a>
          </>
        ) : null}
        <Link href="/contacts/labels">
          <Icon name="label" />
          Labels
        </Link>
        <Link href="/contacts/duplicates">
          <Icon name="merge" />
          Merge duplicates
        </Link>
        <Link href="/contacts/trash">
          <Icon name="trash" />
          Trash
        </Link>
      </nav>
      {count === 0 ? (
        <p className="empty-state">
          Your address book is empty. <Link href="/contacts/new">Add your first contact</Link> or{' '}
          <Link href="/contacts/import">import a file</Link>.
        </p>
      ) : (
        <>
          <SearchForm state={state} />
          {/* Always present, so that screen readers announce each new result as the user types. */}
          <p id="search-summary" className="muted search-summary" aria-live="polite" tabIndex={-1}>
            {state.q ? searchSummary(state.q, matching) : null}
          </p>
          <ListFilters state={state} labels={labels} />
          <SortNav state={state} nameOrder={nameOrder} />
          {state.sort === 'name' && result.contacts.length > 0 ? (
            <LetterNav
              present={new Set(result.contacts.map((c) => letterOf(c, nameOrder)))}
              state={state}
            />
          ) : null}
          <ContactTable
            contacts={result.contacts}
            caption={caption(state, labelName, nameOrder)}
            back={here}
            showBirthday={state.sort === 'birthday'}
            nameOrder={state.sort === 'name' ? nameOrder : undefined}
          />
          {result.contacts.length === 0 ? (
            <p className="empty-state">
              {emptyReason(state, labelName)}
              <Link href={listHref({ sort: state.sort })}>Show all contacts</Link>
            </p>
          ) : null}
          <Pager
            state={state}
            pages={Math.max(1, Math.ceil(matching.count / PAGE_SIZE))}
            more={!matching.complete}
          />
        </>
      )}
    </section>
  );
}

function caption(state: ListState, labelName: string, nameOrder: 'first' | 'last'): string {
  const what = [
    state.favourites ? 'Favourite contacts' : 'Contacts',
    state.label ? ` labelled “${labelName}”` : '',
    state.q ? ` matching “${state.q}”` : '',
  ].join('');
  const by = state.sort === 'name' ? `${nameOrder} name` : SORT_LABELS[state.sort].toLowerCase();
  return `${what}, sorted by ${by}, page ${state.page}`;
}
