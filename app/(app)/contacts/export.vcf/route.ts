import { requireSession } from '@/lib/auth/session';
import { iterateCards } from '@/lib/contacts/store';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as one vCard file. */
export async function GET() {
  const { user } = await requireSession();
  async function* cards() {
    for await (const contact of iterateCards(user.id)) yield contact.card;
  }
  return new Response(textStream(cards()), {
    headers: attachment('text/vcard', 'contacts.vcf'),
  });
}
