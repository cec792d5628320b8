import 'server-only';
import crypto from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { isHttps } from '../auth/session-cookie';
import { sealPasswords } from '../config';
import { FLASH_HEADER, flashCookieName, flashNowCookieName } from './flash-cookie';

/**
 * One-time messages for the next page ("Contact saved."), carried in a sealed cookie.
 * Call flash() in a server action or route handler just before it redirects.
 * How "exactly once" holds with and without JavaScript: docs/decisions/004-flash-messages.md.
 */
const FLASH_KINDS = ['success', 'info', 'warning', 'error'] as const;
export type FlashKind = (typeof FLASH_KINDS)[number];

export const FLASH_MAX_MESSAGES = 5;
export const FLASH_MAX_TEXT = 300;
/** Sealed cookies above this are not ours (five messages seal to well under it): ignored unread. */
const FLASH_MAX_COOKIE = 3500;
const FLASH_TTL_SECONDS = 300;

/**
 * A button shown with the message ("Undo"): a plain form that POSTs `fields` to `path` (a route
 * handler of this app), so it works without JavaScript. The cookie is sealed, so only the server
 * writes these; the handler still checks the session and the owner like any other request.
 */
const actionSchema = z.object({
  label: z.string().min(1).max(40),
  path: z
    .string()
    .max(200)
    .regex(/^\/(?![/\\])/, 'a path of this site'),
  fields: z.record(z.string().max(40), z.string().max(200)),
});
export type FlashAction = z.infer<typeof actionSchema>;

const messageSchema = z.object({
  id: z.string().max(32),
  kind: z.enum(FLASH_KINDS),
  text: z.string().max(FLASH_MAX_TEXT),
  action: actionSchema.optional(),
});
const messagesSchema = z.array(messageSchema).max(FLASH_MAX_MESSAGES);
export type FlashMessage = z.infer<typeof messageSchema>;

/** The messages inside a sealed value; [] for anything forged, tampered, expired or oversized. */
export async function unsealFlash(value: string | null | undefined): Promise<FlashMessage[]> {
  if (!value || value.length > FLASH_MAX_COOKIE) return [];
  try {
    const data = await unsealData<{ messages?: unknown }>(value, {
      password: sealPasswords(),
      ttl: FLASH_TTL_SECONDS,
    });
    const parsed = messagesSchema.safeParse(data.messages);
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Appends a message (queued with any not yet shown), keeping the newest few, each capped in length. */
export function appendMessage(
  queue: FlashMessage[],
  kind: FlashKind,
  text: string,
  action?: FlashAction,
): FlashMessage[] {
  const message: FlashMessage = {
    id: crypto.randomBytes(6).toString('base64url'),
    kind,
    text: text.slice(0, FLASH_MAX_TEXT),
    ...(action ? { action } : {}),
  };
  return [...queue, message].slice(-FLASH_MAX_MESSAGES);
}

export function sealFlash(messages: FlashMessage[]): Promise<string> {
  // Wrapped in an object: iron-session seals objects (an array would come back as {"0": …}).
  return sealData({ messages }, { password: sealPasswords(), ttl: FLASH_TTL_SECONDS });
}

/** Queues a message for the next page the browser shows, with an optional button (an Undo). */
export async function flash(kind: FlashKind, text: string, action?: FlashAction): Promise<void> {
  const requestHeaders = await headers();
  const jar = await cookies();
  const https = isHttps(requestHeaders);
  const pendingName = flashCookieName(https);
  const nowName = flashNowCookieName(https);
  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure: https } as const;
  const queued = [
    ...(await unsealFlash(jar.get(nowName)?.value)),
    ...(await unsealFlash(jar.get(pendingName)?.value)),
  ];
  const queue = appendMessage(queued, kind, text, action);
  if (requestHeaders.has('next-action')) {
    // A JavaScript action's redirect is rendered inside this response, from the cookies set
    // here (Next forwards them by value). Max-Age=0 shows the messages in that render and tells
    // the browser to keep nothing, so no later page shows them again. A message that was still
    // waiting joins them, and its cookie goes.
    jar.set(nowName, await sealFlash(queue), { ...options, maxAge: 0 });
    if (jar.get(pendingName)) jar.delete(pendingName);
    return;
  }
  // Without JavaScript the browser keeps the cookie until the middleware hands it to the next
  // page load (a 303 follows at once).
  jar.set(pendingName, await sealFlash(queue), { ...options, maxAge: FLASH_TTL_SECONDS });
}

/** The messages this render may show: only what the middleware handed over for a whole page. */
export async function takeFlashMessages(): Promise<FlashMessage[]> {
  return unsealFlash((await headers()).get(FLASH_HEADER));
}
