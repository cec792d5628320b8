import { DOMParser } from '@xmldom/xmldom';
import type { Browser } from '@playwright/test';
import { expect, registerUser, signIn, type TestUser } from '../fixtures';
import { Radicale } from '../../test/support/radicale';
import { unfold } from '../../test/support/vcard-generator';

/** Where a CardDAV spec syncs to: the app's own address book, or (to check the harness) Radicale. */
export interface DavTarget {
  /** The address book collection, ending in `/`. */
  url: string;
  username: string;
  password: string;
  /** Whether the server keeps cards byte for byte (ours must; Radicale re-serialises them). */
  keepsBytes: boolean;
  /** Radicale, the reference server, rather than the app. */
  reference: boolean;
  close(): Promise<void>;
}

const APP_PASSWORD_SHAPE = /\b[a-z2-7]{5}(?:-[a-z2-7]{5}){5}\b/;

/**
 * Creates an app password through /account as a person would and returns the secret it shows
 * once. The one place that knows the form (app/(app)/account/create-app-password-form.tsx); if
 * it changes, only this changes.
 */
async function createAppPasswordInBrowser(
  browser: Browser,
  baseURL: string,
  user: TestUser,
  deviceName = 'vdirsyncer',
): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    await signIn(context, user);
    const page = await context.newPage();
    await page.goto('/account');
    const form = page.locator('form').filter({ has: page.getByLabel('Device name') });
    await form.getByLabel('Device name').fill(deviceName);
    await form.getByRole('button', { name: /create/i }).click();
    const shown = page.getByTestId('new-app-password');
    await expect(shown).toHaveText(APP_PASSWORD_SHAPE);
    const secret = APP_PASSWORD_SHAPE.exec((await shown.textContent()) ?? '')?.[0];
    if (!secret) throw new Error('no app password shown on /account');
    return secret;
  } finally {
    await context.close();
  }
}

/**
 * A fresh account's address book on the app (a new user registered through the web form, an app
 * password from /account); or the one CARDDAV_SPEC_URL, _USER and _PASSWORD name; or Radicale's
 * when CARDDAV_SPEC_TARGET=radicale.
 */
export async function davTarget(browser: Browser, baseURL: string): Promise<DavTarget> {
  const given = {
    url: process.env.CARDDAV_SPEC_URL,
    username: process.env.CARDDAV_SPEC_USER,
    password: process.env.CARDDAV_SPEC_PASSWORD,
  };
  // An account made beforehand (bench/lib/dav-account.ts) on a server started by hand.
  if (given.url && given.username && given.password)
    return {
      url: given.url,
      username: given.username,
      password: given.password,
      keepsBytes: true,
      reference: false,
      close: async () => {},
    };
  if (process.env.CARDDAV_SPEC_TARGET === 'radicale') {
    const radicale = await Radicale.start();
    return {
      url: await radicale.addressBook('alice'),
      username: 'alice',
      password: 'x',
      keepsBytes: false,
      reference: true,
      close: () => radicale.stop(),
    };
  }
  const user = await registerUser(browser, baseURL);
  // uniqueName() makes lower-case ASCII names, which are their own folded key.
  const book = new URL(`/dav/addressbooks/${encodeURIComponent(user.username)}/contacts/`, baseURL);
  return {
    url: book.toString(),
    username: user.username,
    password: await createAppPasswordInBrowser(browser, baseURL, user),
    keepsBytes: true,
    reference: false,
    close: async () => {},
  };
}

function basicAuth(target: Pick<DavTarget, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`;
}

/** The collection's members and their ETags, from one PROPFIND depth 1 (as any client lists). */
export async function listEtags(target: DavTarget): Promise<Map<string, string>> {
  const response = await fetch(target.url, {
    method: 'PROPFIND',
    headers: {
      authorization: basicAuth(target),
      depth: '1',
      'content-type': 'application/xml; charset=utf-8',
    },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  expect(response.status, 'PROPFIND depth 1 on the address book').toBe(207);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const members = new Map<string, string>();
  const responses = doc.getElementsByTagNameNS('DAV:', 'response');
  for (let i = 0; i < responses.length; i++) {
    const r = responses.item(i)!;
    const href = r.getElementsByTagNameNS('DAV:', 'href').item(0)?.textContent?.trim();
    const etag = r.getElementsByTagNameNS('DAV:', 'getetag').item(0)?.textContent?.trim();
    if (href && etag && !href.endsWith('/')) members.set(decodeURIComponent(href), etag);
  }
  return members;
}

/** GET of one card on the server: its bytes and ETag. */
export async function getCard(target: DavTarget, name: string) {
  const response = await fetch(new URL(name, target.url), {
    headers: { authorization: basicAuth(target) },
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** PUT of one card, conditional on `ifMatch`. */
export async function putCard(target: DavTarget, name: string, text: string, ifMatch: string) {
  const response = await fetch(new URL(name, target.url), {
    method: 'PUT',
    headers: {
      authorization: basicAuth(target),
      'content-type': 'text/vcard; charset=utf-8',
      'if-match': ifMatch,
    },
    body: text,
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: await response.text(),
  };
}

/**
 * Whether two cards are the same: byte for byte on a server that keeps bytes, else the same
 * logical lines in any order (Radicale re-serialises what it stores, with LF line ends).
 */
export function sameCard(a: Buffer | string, b: Buffer | string, exact: boolean): boolean {
  if (exact) return Buffer.from(a).equals(Buffer.from(b));
  const lines = (x: Buffer | string) =>
    unfold(x.toString().replace(/\r?\n/g, '\r\n')).sort().join('\n');
  return lines(a) === lines(b);
}
