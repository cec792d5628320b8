import { requireSession } from '@/lib/auth/session';
import { exportGoogleCsv } from '@/lib/contacts/export/csv';
import { iterateCards } from '@/lib/contacts/store';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as CSV in Google Contacts' layout (Google imports it as it is). */
export async function GET() {
  const { user } = await requireSession();
  return new Response(textStream(exportGoogleCsv(() => iterateCards(user.id))), {
    headers: attachment('text/csv', 'contacts.csv'),
  });
}
