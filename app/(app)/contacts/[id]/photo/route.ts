import { requireSession } from '@/lib/auth/session';
import { getContactPhoto } from '@/lib/contacts/store';
import { photoCacheControl, photoMatches } from '@/lib/contacts/photo-http';

/**
 * A contact's photo (the app's re-encoded rendition), to its owner only: anyone else, and a
 * contact without a photo, gets a 404. Revalidated by ETag; a URL that names the current ETag
 * (`?v=…`, as pages link it) is cached for good.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const photo = await getContactPhoto(user.id, (await params).id);
  if (!photo) {
    return new Response('Not found\n', {
      status: 404,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'private, no-store',
      },
    });
  }
  const headers = {
    etag: `"${photo.etag}"`,
    'cache-control': photoCacheControl(new URL(request.url).searchParams.get('v'), photo.etag),
    'x-content-type-options': 'nosniff',
  };
  if (photoMatches(request.headers.get('if-none-match'), photo.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      ...headers,
      'content-type': photo.mime,
      'content-length': String(photo.bytes.byteLength),
    },
  });
}
