import { requireSession } from '@/lib/auth/session';
import { csvHeader, csvRow } from '@/lib/contacts/csv';
import { iterateCards } from '@/lib/contacts/store';
import { legacyContact } from '@/lib/contacts/store/legacy-bridge';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as CSV, in the columns the import reads back. */
export async function GET() {
  const { user } = await requireSession();
  async function* rows() {
    yield csvHeader();
    for await (const contact of iterateCards(user.id)) yield csvRow(legacyContact(contact));
  }
  return new Response(textStream(rows()), { headers: attachment('text/csv', 'contacts.csv') });
}
