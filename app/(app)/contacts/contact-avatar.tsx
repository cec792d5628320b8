import { photoUrl } from '@/lib/contacts/photo-http';
import './avatar.css';

/** Up to two letters for a contact without a photo: "Ada Lovelace" → "AL", "ACME" → "A". */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join('');
}

/** How many hues avatars are spread over (avatar.css has a class for each). */
const AVATAR_HUES = 12;

/** The same name always gets the same colour: a small string hash (FNV-1a) onto the hues. */
export function avatarHue(name: string): number {
  let hash = 0x811c9dc5;
  for (const ch of name) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % AVATAR_HUES;
}

/**
 * The contact's photo (its /contacts/[id]/photo, the ETag in the address so a new photo is
 * fetched at once) or their initials on a colour derived from the name. Decorative: the name is
 * always written beside it. `large` is the contact page's.
 */
export function ContactAvatar({
  id,
  name,
  photoEtag,
  large = false,
  alt = '',
}: {
  id: string;
  name: string;
  photoEtag: string | null;
  large?: boolean;
  /** A photo's text where the photo is the subject (the contact page), not decoration. */
  alt?: string;
}) {
  const size = large ? 'avatar avatar-large' : 'avatar';
  if (photoEtag) {
    const px = large ? 112 : 40;
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private, per-user image next/image cannot optimise
      <img
        className={size}
        src={photoUrl(id, photoEtag)}
        alt={alt}
        width={px}
        height={px}
        loading={large ? undefined : 'lazy'}
      />
    );
  }
  return (
    <span className={`${size} avatar-initials avatar-hue-${avatarHue(name)}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
