import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';
import { displayName } from '@/lib/contacts/model';
import { getContact } from '@/lib/contacts/store';
import { attachment } from '@/lib/http/download';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const contact = await getContact(user.id, (await params).id);
  if (!contact) notFound();
  return new Response(contact.card, {
    headers: attachment('text/vcard', `${displayName(contact.model) || 'contact'}.vcf`),
  });
}
