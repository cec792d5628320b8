import Link from 'next/link';
import { requireSession } from '@/lib/auth/session';
import { countSentence } from '@/lib/contacts/format';
import { countContacts, getNameOrder, listContacts, listLabels } from '@/lib/contacts/store';
import { ContactTable } from './contact-table';
import { ListFilters } from './list-filters';
import {
  CONTACT_SORTS,
  listHref,
  readListState,
  type ListSort,
  type ListState,
} from './list-params';
import './lists.css';
import { NameOrderForm } from './name-order-form';
import { SearchForm } from './search-form';

export const metadata = { title: 'Contacts · Contact Cards' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<ListSort, string> = {
  name: 'Name',
  birthday: 'Birthday',
  added: 'Date added',
};

/** What a search found, in words (the count of matches is not computed: it would cost a scan). */
function searchSummary(
  { q, page }: ListState,
  { contacts, hasNext }: { contacts: unknown[]; hasNext: boolean },
): string {
  if (page > 1) return `Page ${page.toLocaleString('en-US')} of the contacts matching “${q}”.`;
  if (hasNext) return `More than ${contacts.length} contacts match “${q}”.`;
  if (contacts.length === 0) return `No contacts match “${q}”.`;
  return `${contacts.length} ${contacts.length === 1 ? 'contact matches' : 'contacts match'} “${q}”.`;
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
  const state = readListState(await searchParams);
  const nameOrder = await getNameOrder(user.id);
  const [count, labels, result] = await Promise.all([
    countContacts(user.id),
    listLabels(user.id),
    listContacts(user.id, {
      q: state.q,
      sort: state.sort,
      page: state.page,
      label: state.label || undefined,
      favourites: state.favourites,
      nameOrder,
    }),
  ]);
  const here = listHref(state);
  const labelName = labels.find((l) => l.key === state.label)?.name ?? state.label;
  return (
    <section>
      <h1>Contacts</h1>
      <p>{countSentence(count)}</p>
      <p className="actions">
        <Link href="/contacts/new">Add a contact</Link>
        <Link href="/contacts/import">Import</Link>
        {count > 0 ? (
          <>
            <a href="/contacts/export.vcf" download>
              Export as vCard
            </a>
            <a href="/contacts/export.csv" download>
              Export as CSV
            </a>
          </>
        ) : null}
        <Link href="/contacts/labels">Labels</Link>
        <Link href="/contacts/duplicates">Merge duplicates</Link>
        <Link href="/contacts/trash">Trash</Link>
      </p>
      {count === 0 ? (
        <p className="empty-state">
          Your address book is empty. <Link href="/contacts/new">Add your first contact</Link> or{' '}
          <Link href="/contacts/import">import a file</Link>.
        </p>
      ) : (
        <>
          <SearchForm state={state} />
          {/* Always present, so that screen readers announce each new result as the user types. */}
          <p id="search-summary" className="muted search-summary" aria-live="polite">
            {state.q ? searchSummary(state, result) : null}
          </p>
          <ListFilters state={state} labels={labels} />
          <nav aria-label="Sort" className="sort-nav">
            <span>Sort by:</span>
            <ul>
              {CONTACT_SORTS.map((sort) => (
                <li key={sort}>
                  {sort === state.sort ? (
                    <strong aria-current="true">{SORT_LABELS[sort]}</strong>
                  ) : (
                    <Link href={listHref({ ...state, sort, page: 1 })}>{SORT_LABELS[sort]}</Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <NameOrderForm order={nameOrder} back={here} />
          <ContactTable
            contacts={result.contacts}
            caption={caption(state, labelName, nameOrder)}
            back={here}
            showBirthday={state.sort === 'birthday'}
          />
          {result.contacts.length === 0 ? (
            <p className="empty-state">
              {emptyReason(state, labelName)}
              <Link href={listHref({ sort: state.sort })}>Show all contacts</Link>
            </p>
          ) : null}
          <nav aria-label="Pages" className="pager">
            {result.hasPrevious ? (
              <Link href={listHref({ ...state, page: state.page - 1 })} rel="prev">
                Previous
              </Link>
            ) : null}
            <span>Page {state.page.toLocaleString('en-US')}</span>
            {result.hasNext ? (
              <Link href={listHref({ ...state, page: state.page + 1 })} rel="next">
                Next
              </Link>
            ) : null}
          </nav>
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
