import { requireSession } from '@/lib/auth/session';
import { csvHeader, csvRow } from '@/lib/contacts/csv';
import { iterateContacts } from '@/lib/contacts/queries';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as CSV, in the columns the import reads back. */
export async function GET() {
  const { user } = await requireSession();
  async function* rows() {
    yield csvHeader();
    for await (const contact of iterateContacts(user.id)) yield csvRow(contact);
  }
  return new Response(textStream(rows()), { headers: attachment('text/csv', 'contacts.csv') });
}
