import { requireSession } from '@/lib/auth/session';
import { exportCards, exportVersion } from '@/lib/contacts/export/vcard';
import { iterateCards } from '@/lib/contacts/store';
import { attachment, textStream } from '@/lib/http/download';

/** The whole address book as one vCard file: 4.0, or 3.0 with `?version=3.0` for older programs. */
export async function GET(request: Request) {
  const { user } = await requireSession();
  const version = exportVersion(new URL(request.url).searchParams.get('version'));
  if (!version) {
    return new Response('Ask for version=4.0 (the default) or version=3.0.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(textStream(exportCards(iterateCards(user.id), version)), {
    headers: attachment('text/vcard', 'contacts.vcf'),
  });
}
