/**
 * Malformed form bodies get a 400 from the middleware: Next answers a multipart body it cannot
 * parse with a bare 500 (and an error in the log), which reads like our fault and is not.
 * Edge-safe: the middleware gets its own copy of the body (Next buffers it for middleware).
 */
export async function isMalformedForm(request: Request): Promise<boolean> {
  if (request.method !== 'POST') return false;
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) return false;
  if (!/;\s*boundary=/i.test(type)) return true;
  try {
    await request.clone().formData();
    return false;
  } catch {
    return true;
  }
}
