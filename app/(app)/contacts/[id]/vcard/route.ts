import { notFound } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';
import { exportCard, exportVersion } from '@/lib/contacts/export/vcard';
import { displayName } from '@/lib/contacts/model';
import { getContact } from '@/lib/contacts/store';
import { attachment } from '@/lib/http/download';

/** One contact's card: vCard 4.0, or 3.0 with `?version=3.0`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const contact = await getContact(user.id, (await params).id);
  if (!contact) notFound();
  const version = exportVersion(new URL(request.url).searchParams.get('version')) ?? '4.0';
  return new Response(exportCard(contact, version), {
    headers: attachment('text/vcard', `${displayName(contact.model) || 'contact'}.vcf`),
  });
}
