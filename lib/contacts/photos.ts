import { createHash } from 'node:crypto';
import type Sharp from 'sharp';
import { concurrencyGate } from '../server/concurrency-gate';
import { isCleanJpeg } from './photo-jpeg';
import type { ProcessedPhoto } from './store/types';

export type { ProcessedPhoto };

export type PhotoResult = { ok: true; photo: ProcessedPhoto } | { ok: false; message: string };

/** Bytes a photo may have before it is even looked at (an import file is capped at 5 MB too). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Decoded pixels: 50 megapixels covers every phone camera; a decompression bomb stops here. */
const PHOTO_MAX_PIXELS = 50_000_000;
const PHOTO_SIZE = 512;

export const PHOTO_MESSAGES = {
  empty: 'The photo is empty.',
  tooBig: `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB. Choose a smaller one.`,
  tooManyPixels: 'The photo has too many pixels (over 50 megapixels). Choose a smaller one.',
  heic: 'HEIC photos cannot be read yet: export the photo as JPEG.',
  unreadable: 'The photo could not be read: use a JPEG, PNG or WebP image.',
  slow: 'The photo took too long to process. Choose a smaller one.',
} as const;

let loading: Promise<typeof Sharp> | undefined;

/**
 * libvips is loaded with the first photo, not with the server: loading it adds about 25 MB to the
 * process's resident memory (measured), which a server that is sent no photo need not carry.
 */
function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // libvips keeps a cache of recent operations and images: in a server it only holds memory.
    sharp.cache(false);
    // One libvips thread per image and one image at a time (below): photo work takes at most one
    // core, so an import full of photos cannot starve sign-ins (argon2) and page renders of CPU.
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}
const gate = concurrencyGate(1);

// ISO BMFF brands of HEIF images whose pictures are HEVC: the prebuilt libvips has no decoder.
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** True when the bytes are an HEIF file whose brands name HEVC (an iPhone's .heic). */
export function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const ascii = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (ascii(4) !== 'ftyp') return false;
  const boxSize = Math.min(
    ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
    bytes.length,
    256,
  );
  // Major brand at 8, minor version at 12, then compatible brands.
  for (let at = 8; at + 4 <= boxSize; at += 4) {
    if (at !== 12 && HEVC_BRANDS.has(ascii(at))) return true;
  }
  return false;
}

function messageFor(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) return PHOTO_MESSAGES.tooManyPixels;
  if (/timeout/i.test(text)) return PHOTO_MESSAGES.slow;
  if (/hevc|heic/i.test(text)) return PHOTO_MESSAGES.heic;
  return PHOTO_MESSAGES.unreadable;
}

async function encode(sharp: typeof Sharp, bytes: Uint8Array): Promise<Uint8Array> {
  // A photo this app wrote (an export coming back) is kept byte for byte: re-encoding a JPEG
  // changes its bytes, so the ETag, and re-importing an export would "update" every photo.
  if (isCleanJpeg(bytes)) {
    const image = sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' });
    const { width, height, orientation } = await image.metadata();
    // Decoding it all proves the JPEG whole (failOn: 'error' refuses a truncated one).
    await image.timeout({ seconds: 20 }).raw().toBuffer();
    if (width <= PHOTO_SIZE && height <= PHOTO_SIZE && !orientation) return bytes;
  }
  const output = await sharp(bytes, {
    limitInputPixels: PHOTO_MAX_PIXELS,
    // A truncated or corrupt image is refused, not stored half grey.
    failOn: 'error',
    sequentialRead: true,
  })
    .timeout({ seconds: 20 })
    // Applies the EXIF orientation to the pixels, since the EXIF itself is not kept.
    .rotate()
    .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'inside', withoutEnlargement: true })
    // JPEG has no transparency: a transparent PNG's background becomes white, not black.
    .flatten({ background: '#ffffff' })
    // No keepMetadata/withMetadata: EXIF (GPS, camera), XMP, IPTC and the ICC profile are
    // dropped, and the pixels are converted to sRGB.
    .jpeg({ quality: 82 })
    .toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}

/**
 * Re-encodes an uploaded or imported photo: the EXIF orientation applied, at most 512×512, JPEG,
 * with every piece of metadata (EXIF with GPS, XMP, ICC) stripped. Never throws for bad input.
 */
export async function processPhoto(bytes: Uint8Array): Promise<PhotoResult> {
  if (bytes.length === 0) return { ok: false, message: PHOTO_MESSAGES.empty };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, message: PHOTO_MESSAGES.tooBig };
  if (isHeic(bytes)) return { ok: false, message: PHOTO_MESSAGES.heic };
  // Outside the try below: a libvips that cannot load is the server's fault, not the photo's.
  const sharp = await loadSharp();
  return gate(async (): Promise<PhotoResult> => {
    try {
      const output = await encode(sharp, bytes);
      const etag = createHash('sha256').update(output).digest('hex');
      return { ok: true, photo: { mime: 'image/jpeg', bytes: output, etag } };
    } catch (error) {
      return { ok: false, message: messageFor(error) };
    }
  });
}
