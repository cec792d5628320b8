import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';
import { getContact } from '@/lib/contacts/queries';
import { contactName } from '@/lib/contacts/format';
import { writeVCard } from '@/lib/contacts/vcard';
import { attachment } from '@/lib/http/download';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const contact = await getContact(user.id, (await params).id);
  if (!contact) notFound();
  return new Response(writeVCard(contact), {
    headers: attachment('text/vcard', `${contactName(contact)}.vcf`),
  });
}
