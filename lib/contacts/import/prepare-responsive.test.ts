import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, IMPORT_MAX_CONTACTS } from './limits';
import { prepareImport } from './prepare';

/**
 * The server must keep answering while an import is read. Here a worst case just under both caps
 * (20,000 cards in 5 MB, every one with phones to check) is prepared while another request is
 * made to a server in the same process: that request must be answered first. Ordering, not time.
 */
function worstCaseFile(): Uint8Array {
  const card = (i: number) =>
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:Person ${i}`,
      `N:Person;${i};;;`,
      'TEL;TYPE=CELL:+44 7911 123456',
      'TEL;TYPE=WORK:020 7946 0958',
      'TEL;TYPE=HOME:121',
      `EMAIL;TYPE=INTERNET:person.${i}@example.com`,
      `NOTE:${'x'.repeat(45)}`,
      'END:VCARD',
      '',
    ].join('\r\n');
  const cards: string[] = [];
  let size = 0;
  for (let i = 1; i <= IMPORT_MAX_CONTACTS; i++) {
    const next = card(i);
    if (size + next.length > IMPORT_MAX_BYTES) break;
    cards.push(next);
    size += next.length;
  }
  return new TextEncoder().encode(cards.join(''));
}

let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('pong'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('prepareImport keeps the server responsive', () => {
  it('answers another request while a worst-case file is read', async () => {
    const bytes = worstCaseFile();
    expect(bytes.length).toBeGreaterThan(IMPORT_MAX_BYTES * 0.9);
    const events: string[] = [];
    const preparing = prepareImport('worst.vcf', bytes, { region: 'GB' }).then((result) => {
      events.push('import prepared');
      return result;
    });
    const request = fetch(url)
      .then((res) => res.text())
      .then((text) => events.push(`request answered: ${text}`));
    const [result] = await Promise.all([preparing, request]);
    expect(events).toEqual(['request answered: pong', 'import prepared']);
    expect(result.ok && result.cards.length).toBeGreaterThan(15_000);
  }, 120_000);
});
