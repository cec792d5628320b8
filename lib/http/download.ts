import 'server-only';

/**
 * Download headers. The file name comes from user data, so it is reduced to safe ASCII for
 * `filename` and percent-encoded for `filename*` (RFC 6266): no header injection, accents kept.
 */
export function attachment(type: string, fileName: string): HeadersInit {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\w .-]+/g, '')
      .trim() || 'contact';
  return {
    'content-type': `${type}; charset=utf-8`,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** Streams text chunks as UTF-8, so an export of 100,000 contacts never sits in memory whole. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
