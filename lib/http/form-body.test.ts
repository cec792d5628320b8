import { describe, expect, it } from 'vitest';
import { isMalformedForm } from './form-body';

const post = (body: BodyInit, type: string) =>
  new Request('http://cards.test/login', {
    method: 'POST',
    body,
    headers: { 'content-type': type },
  });

describe('isMalformedForm', () => {
  it('accepts a well-formed multipart body, and anything that is not multipart', async () => {
    const form = new FormData();
    form.append('username', 'alice');
    const encoded = new Response(form);
    const type = encoded.headers.get('content-type')!;
    expect(await isMalformedForm(post(await encoded.arrayBuffer(), type))).toBe(false);
    expect(await isMalformedForm(post('[]', 'text/plain'))).toBe(false);
    expect(await isMalformedForm(new Request('http://cards.test/login'))).toBe(false);
  });

  it('refuses a truncated body, a wrong boundary and a missing boundary', async () => {
    const truncated = '--XYZ\r\nContent-Disposition: form-data; name="username"\r\n\r\nabc';
    expect(await isMalformedForm(post(truncated, 'multipart/form-data; boundary=XYZ'))).toBe(true);
    expect(await isMalformedForm(post(truncated, 'multipart/form-data; boundary=QQQ'))).toBe(true);
    expect(await isMalformedForm(post(truncated, 'multipart/form-data'))).toBe(true);
  });
});
