import type { ContactModel } from '../model';
import type { CardPhoto, CardRest, ParsedCard } from '../vcard/types';

/**
 * A stand-in card format for the store's tests while the real reader and writer are being
 * written (lib/contacts/vcard): the model as JSON in one X- property. Removed once they land.
 */
export function fakeWriteCard(
  model: ContactModel,
  rest: CardRest | null,
  photo: CardPhoto | null,
): string {
  const data = {
    model,
    rest: rest ?? { properties: [] },
    photo:
      photo?.kind === 'data'
        ? { ...photo, bytes: Buffer.from(photo.bytes).toString('base64') }
        : photo,
  };
  const json = Buffer.from(JSON.stringify(data)).toString('base64');
  const categories = model.labels.length ? `CATEGORIES:${model.labels.join(',')}\r\n` : '';
  return `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:${model.uid}\r\n${categories}X-FAKE:${json}\r\nEND:VCARD\r\n`;
}

export function fakeReadCard(text: string): ParsedCard {
  const json = /X-FAKE:(\S+)/.exec(text)?.[1] ?? '';
  const data = JSON.parse(Buffer.from(json, 'base64').toString()) as {
    model: ContactModel;
    rest: CardRest;
    photo: (CardPhoto & { bytes?: string }) | null;
  };
  const photo: CardPhoto | null =
    data.photo?.kind === 'data'
      ? {
          kind: 'data',
          mime: data.photo.mime,
          bytes: Buffer.from(data.photo.bytes ?? '', 'base64'),
        }
      : (data.photo as CardPhoto | null);
  return {
    where: 'Card 1',
    version: '4.0',
    model: data.model,
    rest: data.rest,
    photo,
    problems: [],
  };
}
