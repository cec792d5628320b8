import { expect, test } from '../fixtures';
import { raw, registerRaw } from '../security/http';
import { AppServer, NEXT_START } from '../../test/support';

/**
 * Why server/not-found-page.ts exists: plain `next start` (Next 16.4) answers a page's notFound()
 * with an empty `<html id="__next_error__">` shell that only JavaScript fills (vercel/next.js
 * #62228). When this test fails, Next renders notFound() itself: delete the replacer.
 */
test.describe('plain next start, without our server', () => {
  test.skip(
    ({ javaScriptEnabled }) => !javaScriptEnabled,
    'Raw HTTP against a server of its own: once.',
  );
  let lab: AppServer;

  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.use.javaScriptEnabled === false) return;
    testInfo.setTimeout(150_000);
    lab = await AppServer.start({ args: [...NEXT_START, '-H', '127.0.0.1'] }, 120_000, {
      anyAnswer: true,
    });
  });
  test.afterAll(async () => {
    await lab?.stop();
  });

  test('still sends notFound() as the empty __next_error__ shell (delete server/not-found-page.ts when this fails)', async () => {
    const user = await registerRaw(lab.url);
    const page = await raw(lab.url, '/contacts/not-a-contact-id', {
      headers: { cookie: user.cookie, accept: 'text/html' },
    });
    expect(page.status).toBe(404);
    expect(page.body).toContain('id="__next_error__"');
    // Nothing to read without JavaScript: the page's words exist only in the RSC payload.
    expect(page.body).not.toMatch(/<h1|<main|<p>/);
    // An unmatched URL, by contrast, is rendered in full: the page the replacer fetches.
    const unmatched = await raw(lab.url, '/_not-found', {
      headers: { cookie: user.cookie, accept: 'text/html' },
    });
    expect(unmatched.body).toMatch(/<h1[^>]*>Page not found<\/h1>/);
  });
});
