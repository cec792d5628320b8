import type { IncomingMessage } from 'node:http';

/** Request bodies larger than this are refused: XML bodies stay small, cards carry a photo. */
export const XML_MAX_BYTES = 1024 * 1024;
export const CARD_MAX_BYTES = 5 * 1024 * 1024;

export class TooLarge extends Error {
  constructor(readonly max: number) {
    super(`The body is larger than ${Math.round(max / 1024)} KB.`);
  }
}

/**
 * The request body, refused as soon as it passes `max` bytes (a declared length is checked before
 * anything is read; a chunked body is counted as it comes).
 */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    req.resume();
    throw new TooLarge(max);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.resume();
      throw new TooLarge(max);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}
