/** Whether the browser asked for a whole page (not a flight/RSC fetch, not a JavaScript action). */
export function isDocumentRequest(req) {
  if (req.method !== 'GET' && req.method !== 'POST') return false;
  if (req.headers['rsc'] || req.headers['next-action'] || req.headers['next-router-prefetch'])
    return false;
  if (req.url?.startsWith('/_next/') || req.url?.startsWith('/api/')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}
