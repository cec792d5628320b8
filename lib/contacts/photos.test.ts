import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isHeic, PHOTO_MAX_BYTES, PHOTO_MESSAGES, processPhoto } from './photos';

const canvas = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });

const bytesOf = (b: Buffer) => new Uint8Array(b);

async function processed(input: Uint8Array) {
  const result = await processPhoto(input);
  if (!result.ok) throw new Error(result.message);
  return { photo: result.photo, meta: await sharp(result.photo.bytes).metadata() };
}

/** A PNG whose header claims width × height, with a valid CRC, and no real pixels behind it. */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await canvas(1, 1).png().toBuffer());
  // Signature (8), IHDR length (4), 'IHDR' (4), then width and height; the CRC covers type+data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return bytesOf(png);
}

describe('processPhoto', () => {
  it('strips EXIF with GPS, XMP and the ICC profile from a JPEG and keeps it within 512×512', async () => {
    const input = await canvas(1200, 800)
      .withExif({
        IFD0: { Make: 'SecretCam', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
      })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes('SecretCam')).toBe(true);
    expect(before.icc).toBeDefined();

    const { photo, meta } = await processed(bytesOf(input));
    expect(photo.mime).toBe('image/jpeg');
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([512, 341]);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(Buffer.from(photo.bytes).includes('SecretCam')).toBe(false);
    expect(photo.etag).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies the EXIF orientation to the pixels before dropping it', async () => {
    const input = await canvas(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { meta } = await processed(bytesOf(input));
    expect([meta.width, meta.height]).toEqual([200, 400]);
    expect(meta.orientation).toBeUndefined();
  });

  it('reads PNG (transparency on white) and WebP, and never enlarges a small photo', async () => {
    const png = await sharp({
      create: { width: 64, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const fromPng = await processed(bytesOf(png));
    expect([fromPng.meta.width, fromPng.meta.height]).toEqual([64, 32]);
    const { data } = await sharp(fromPng.photo.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);

    const webp = await canvas(900, 900).webp().toBuffer();
    const fromWebp = await processed(bytesOf(webp));
    expect([fromWebp.meta.width, fromWebp.meta.height]).toEqual([512, 512]);
  });

  it('gives the same ETag for the same photo', async () => {
    const input = bytesOf(await canvas(100, 100).png().toBuffer());
    expect((await processed(input)).photo.etag).toBe((await processed(input)).photo.etag);
  });

  it('refuses garbage, a truncated JPEG, empty input and too many bytes with a message', async () => {
    const garbage = new TextEncoder().encode('BEGIN:VCARD this is not an image at all');
    expect(await processPhoto(garbage)).toEqual({ ok: false, message: PHOTO_MESSAGES.unreadable });
    const jpeg = await canvas(300, 300).jpeg().toBuffer();
    const truncated = bytesOf(jpeg.subarray(0, jpeg.length >> 1));
    expect(await processPhoto(truncated)).toEqual({
      ok: false,
      message: PHOTO_MESSAGES.unreadable,
    });
    expect(await processPhoto(new Uint8Array())).toEqual({
      ok: false,
      message: PHOTO_MESSAGES.empty,
    });
    expect(await processPhoto(new Uint8Array(PHOTO_MAX_BYTES + 1))).toEqual({
      ok: false,
      message: PHOTO_MESSAGES.tooBig,
    });
  });

  it('refuses an image claiming more pixels than the cap before decoding it', async () => {
    expect(await processPhoto(await pngClaiming(10_000, 10_000))).toEqual({
      ok: false,
      message: PHOTO_MESSAGES.tooManyPixels,
    });
  });

  it('says how to send an HEIC photo', async () => {
    const box = (brands: string[]) => {
      const text = ['ftyp', ...brands].join('');
      const bytes = new Uint8Array(4 + text.length);
      new DataView(bytes.buffer).setUint32(0, bytes.length);
      bytes.set(new TextEncoder().encode(text), 4);
      return bytes;
    };
    const heic = box(['heic', '\0\0\0\0', 'mif1', 'heic']);
    expect(isHeic(heic)).toBe(true);
    expect(isHeic(box(['avif', '\0\0\0\0', 'mif1', 'avif']))).toBe(false);
    expect(await processPhoto(heic)).toEqual({ ok: false, message: PHOTO_MESSAGES.heic });
  });
});

describe('processPhoto on its own output', () => {
  it('keeps a photo it wrote byte for byte, so the ETag does not change on re-import', async () => {
    const input = bytesOf(
      await canvas(1000, 700)
        .withExif({ IFD0: { Make: 'Cam' } })
        .jpeg()
        .toBuffer(),
    );
    const first = await processed(input);
    const again = await processed(first.photo.bytes);
    expect(again.photo.etag).toBe(first.photo.etag);
    expect(Buffer.from(again.photo.bytes).equals(Buffer.from(first.photo.bytes))).toBe(true);
  });

  it('still re-encodes a small JPEG that carries metadata or a comment', async () => {
    const small = await canvas(100, 100)
      .withExif({ IFD0: { Make: 'Cam' } })
      .jpeg()
      .toBuffer();
    const { photo } = await processed(bytesOf(small));
    expect(Buffer.from(photo.bytes).includes('Cam')).toBe(false);
    const plain = Buffer.from(await canvas(100, 100).jpeg().toBuffer());
    // A COM segment ("hidden") right after SOI.
    const comment = Buffer.concat([
      plain.subarray(0, 2),
      Buffer.from([0xff, 0xfe, 0, 8]),
      Buffer.from('hidden'),
      plain.subarray(2),
    ]);
    expect(Buffer.from((await processed(bytesOf(comment))).photo.bytes).includes('hidden')).toBe(
      false,
    );
  });
});
