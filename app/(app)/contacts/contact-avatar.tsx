import { photoUrl } from '@/lib/contacts/photo-http';

/** Up to two letters for a contact without a photo: "Ada Lovelace" → "AL", "ACME" → "A". */
export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join('');
}

/**
 * The contact's photo (io's /contacts/[id]/photo, the ETag in the address so a new photo is
 * fetched at once) or their initials. Decorative: the name is always written beside it.
 */
export function ContactAvatar({
  id,
  name,
  photoEtag,
}: {
  id: string;
  name: string;
  photoEtag: string | null;
}) {
  if (photoEtag) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private, per-user image next/image cannot optimise
      <img
        className="avatar"
        src={photoUrl(id, photoEtag)}
        alt=""
        width={40}
        height={40}
        loading="lazy"
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
