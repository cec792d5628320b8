import 'server-only';
import { randomUUID } from 'node:crypto';
import { getConfig } from '../config';
import { checkContact } from '../contacts/checks';
import { processPhoto } from '../contacts/photos';
import type { DavCardWrite } from '../contacts/store/dav';
import { readVCardFile } from '../contacts/vcard/read';
import { writeCard } from '../contacts/vcard/write';
import { C, type QName } from './names';

export type CardInput =
  | {
      ok: true;
      write: DavCardWrite;
      /** True when the stored text is byte for byte what the client sent (it then gets the ETag). */
      asSent: boolean;
    }
  | { ok: false; status: number; condition: QName; message: string };

const invalid = (message: string): CardInput => ({
  ok: false,
  status: 415,
  condition: C('valid-address-data'),
  message,
});

const GROUP_KIND = /^(?:[\w-]+\.)?(?:KIND|X-ADDRESSBOOKSERVER-KIND):\s*group\s*$/im;

/** Puts a UID line before END:VCARD, touching nothing else. */
function withUid(text: string, uid: string): string {
  const end = text.search(/END:VCARD\s*$/i);
  return `${text.slice(0, end)}UID:${uid}\r\n${text.slice(end)}`;
}

/**
 * A PUT body read as one vCard: stored as sent when it is clean 3.0 or 4.0 text (every property
 * kept, also the ones the app does not show), else rewritten by the app's writer (vCard 2.1,
 * QUOTED-PRINTABLE, legacy charsets). A card without a UID gets one. The model behind the app's
 * lists is checked like a form's, with values that fail kept as typed.
 */
export async function readCardInput(bytes: Uint8Array): Promise<CardInput> {
  if (bytes.length === 0) return invalid('The body is empty: send one vCard.');
  const file = readVCardFile(bytes, 1);
  if (file.tooMany) return invalid('Send one vCard per resource, not several.');
  const card = file.cards[0];
  if (!card) {
    const why = file.problems[0];
    return invalid(`This is not a vCard${why ? ` (${why.where}: ${why.reason})` : ''}.`);
  }
  const sent = Buffer.from(bytes).toString('utf8');
  const version = card.version === '4.0' ? '4.0' : '3.0';
  let text = card.source ?? writeCard(card.model, card.rest, card.photo, version);
  let uid = card.model.uid.trim();
  if (!uid) {
    uid = `urn:uuid:${randomUUID()}`;
    text = withUid(text, uid);
  }
  const checked = checkContact(
    { ...card.model, uid },
    { region: getConfig().DEFAULT_PHONE_REGION },
  );
  const photo =
    card.photo?.kind === 'data' ? await processPhoto(card.photo.bytes) : { ok: false as const };
  return {
    ok: true,
    asSent: text === sent,
    write: {
      text,
      version,
      uid,
      kind: GROUP_KIND.test(text) ? 'group' : 'individual',
      model: checked.model,
      flags: checked.flags,
      photo: photo.ok ? photo.photo : null,
    },
  };
}
