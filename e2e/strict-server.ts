import type { Page } from '@playwright/test';
import { STRICT_URL } from '../playwright.config';
import { multipart, raw, type RawResponse } from '../test/support';

/**
 * Raw form posts to the strict server (default throttle limits) from a chosen loopback address,
 * for the throttling specs: each test is a different place without needing other machines.
 */

/** The hidden fields of the page's form (the server action's id and state). */
export async function strictHiddenFields(
  page: Page,
  path: string,
): Promise<Record<string, string>> {
  await page.goto(`${STRICT_URL}${path}`);
  const fields: Record<string, string> = {};
  for (const input of await page.locator('main form input[type="hidden"]').all()) {
    fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
  }
  return fields;
}

/** POSTs a form from the given local address, with any extra headers (a cookie, a forged XFF). */
export async function postToStrict(
  path: string,
  fields: Record<string, string>,
  from: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  // React's action forms post multipart/form-data (encType), and Next reads nothing else.
  const { body, contentType } = await multipart(Object.entries(fields));
  return raw(STRICT_URL, path, {
    method: 'POST',
    localAddress: from,
    headers: {
      'content-type': contentType,
      accept: 'text/html',
      origin: new URL(STRICT_URL).origin,
      ...headers,
    },
    body,
    timeoutMs: 60_000,
  });
}
