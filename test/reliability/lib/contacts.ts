import { UnexpectedResponse } from './accounts';
import { pageText, type WebClient, type WebResponse } from '../../support';

/**
 * The contacts pages driven as a person without JavaScript would, by what the editor shows:
 * /contacts/new with "Given name" (name.given), "Family name" (name.family) and "Save contact";
 * /contacts/[id]/edit with a hidden `version`; the conflict message "This contact was changed
 * since you opened it".
 */

export const CONFLICT_MESSAGE = 'This contact was changed since you opened it';

export interface ContactName {
  given: string;
  family: string;
}

const labelled = (c: ContactName) => ({ 'Given name': c.given, 'Family name': c.family });

const ID = /\/contacts\/([0-9a-f-]{36})(?:[/?#]|$)/;

/** Creates a contact; answers its id (from the redirect to its page). */
export async function createContact(client: WebClient, contact: ContactName): Promise<string> {
  const r = await client.submit(
    '/contacts/new',
    { button: 'Save contact' },
    { labelled: labelled(contact), op: 'create contact' },
  );
  const id = r.status === 303 ? r.location?.match(ID)?.[1] : undefined;
  if (!id) throw new UnexpectedResponse('create contact (expected a 303 to /contacts/<id>)', r);
  return id;
}

/** The edit form of a contact, as opened at one moment (its hidden version is that moment's). */
export function openEditForm(client: WebClient, id: string): Promise<WebResponse> {
  return client.get(`/contacts/${id}/edit`, 'GET /contacts/[id]/edit');
}

export type EditResult = 'saved' | 'conflict';

/** Saves an edit from a form opened earlier (or opens it now). */
export async function editContact(
  client: WebClient,
  id: string,
  contact: ContactName,
  opened?: WebResponse,
): Promise<EditResult> {
  const page = opened ?? (await openEditForm(client, id));
  const r = await client.submit(
    page,
    { fields: ['version'] },
    { labelled: labelled(contact), op: 'edit contact' },
  );
  if (r.status === 303) return 'saved';
  if (r.status === 200 && pageText(r).includes(CONFLICT_MESSAGE)) return 'conflict';
  throw new UnexpectedResponse(`edit contact ${id}`, r);
}

/** Deletes a contact as a person without JavaScript does: its confirmation page, "Yes, delete". */
export async function deleteContact(client: WebClient, id: string): Promise<void> {
  const r = await client.submit(
    `/contacts/${id}/delete`,
    { button: 'Yes, delete' },
    { op: 'delete contact' },
  );
  if (r.status !== 303) throw new UnexpectedResponse(`delete contact ${id}`, r);
}

export async function listContacts(client: WebClient, query?: string): Promise<WebResponse> {
  const r = await client.get(
    query ? `/contacts?q=${encodeURIComponent(query)}` : '/contacts',
    query ? 'GET /contacts?q= (search)' : 'GET /contacts',
  );
  if (r.status !== 200) throw new UnexpectedResponse('contacts list', r);
  return r;
}
