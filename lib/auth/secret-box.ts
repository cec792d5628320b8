import 'server-only';
import crypto from 'node:crypto';
import { getConfig } from '../config';

/**
 * Secrets the server must read back (a TOTP seed), encrypted at rest: AES-256-GCM under a key
 * derived by HKDF-SHA256 from SESSION_SECRET, a random 96-bit IV per seal, and a context (e.g.
 * "totp:<user id>") bound in as associated data, so a sealed value copied to another row or
 * purpose does not open. SESSION_SECRET is a list for rotation: the first seals, each opens.
 * Format: "v1.<iv>.<ciphertext>.<tag>", base64url parts.
 */
const VERSION = 'v1';
const SALT = 'contact-cards/secret-box';
const INFO = 'v1 aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bigger than any sealed TOTP seed; refused unread. */
const SEALED_MAX = 1024;
const PART = /^[A-Za-z0-9_-]+$/;

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', secret, SALT, INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

/** Encrypts `plaintext` for `context` with the first (current) secret. */
export function sealSecret(
  plaintext: string,
  context: string,
  secrets: readonly string[] = getConfig().SESSION_SECRET,
): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(secrets[0]!), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

/** The plaintext, or null for anything tampered, malformed, of another context or unknown key. */
export function openSecret(
  sealed: string,
  context: string,
  secrets: readonly string[] = getConfig().SESSION_SECRET,
): string | null {
  if (sealed.length > SEALED_MAX) return null;
  const [version, ...parts] = sealed.split('.');
  if (version !== VERSION || parts.length !== 3 || !parts.every((p) => PART.test(p))) return null;
  const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  for (const secret of secrets) {
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(secret), iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // Not this key (or tampered): try the next one.
    }
  }
  return null;
}
