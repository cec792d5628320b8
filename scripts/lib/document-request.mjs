/** Whether the browser asked for a whole page (not a flight/RSC fetch, not a JavaScript action). */
export function isDocumentRequest(req) {
  if (req.method !== 'GET' && req.method !== 'POST') return false;
  if (req.headers['rsc'] || req.headers['next-action'] || req.headers['next-router-prefetch'])
    return false;
  if (req.url?.startsWith('/_next/') || req.url?.startsWith('/api/')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

/**
 * Applies the headers a writeHead(status, [message], headers) call carries to `res`, so a patched
 * writeHead can look at the final headers before deciding what to send.
 */
export function applyWriteHeadHeaders(res, args) {
  const headers = args.find((a) => a && typeof a === 'object');
  if (!headers) return;
  for (const [k, v] of Array.isArray(headers) ? headers : Object.entries(headers))
    res.setHeader(k, v);
}
