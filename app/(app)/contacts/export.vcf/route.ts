import { requireSession } from '@/lib/auth/session';
import { iterateContacts } from '@/lib/contacts/queries';
import { writeVCard } from '@/lib/contacts/vcard';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as one vCard file. */
export async function GET() {
  const { user } = await requireSession();
  async function* cards() {
    for await (const contact of iterateContacts(user.id)) yield writeVCard(contact);
  }
  return new Response(textStream(cards()), {
    headers: attachment('text/vcard', 'contacts.vcf'),
  });
}
