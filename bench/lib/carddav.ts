import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test/support/env.mjs';
import { generateCards, withNote } from '../../test/support/vcard-generator';
import { Vdirsyncer, writeCards, type VdirsyncerRun } from '../../test/support/vdirsyncer';

/**
 * The CardDAV rows, measured with vdirsyncer against one address book: the same 1,000
 * generated vCard 3.0 cards for every server. Times are the client's whole run (its own start-up
 * of about 0.3 s included), as a person syncing would wait. Numbers only: nothing asserts a time.
 */

export interface DavAccount {
  url: string;
  username: string;
  password: string;
}

export interface SyncTimes {
  upload: number;
  noChange: number;
  download: number;
  editUp: number;
  editDown: number;
  /** Cards the second folder received (should equal the count). */
  downloaded: number;
}

const seconds = (ms: number) => +(ms / 1000).toFixed(2);

function checked(run: VdirsyncerRun, what: string): number {
  if (run.code !== 0) throw new Error(`vdirsyncer ${what} failed:\n${run.stderr.slice(-2000)}`);
  return seconds(run.ms);
}

/** Upload, no-change sync, download into an empty folder, one edit each way (seconds). */
export async function measureRoundTrip(account: DavAccount, count = 1000): Promise<SyncTimes> {
  const work = tempDir('bench-dav');
  try {
    const cards = generateCards(count, 13);
    const device = (name: string) => new Vdirsyncer({ dir: path.join(work, name), ...account });
    const a = device('a');
    writeCards(a.folder, cards);
    checked(await a.discover(), 'discover A');
    const upload = checked(await a.sync(), 'upload');
    const noChange = checked(await a.sync(), 'no-change sync');
    const b = device('b');
    checked(await b.discover(), 'discover B');
    const download = checked(await b.sync(), 'download');
    fs.writeFileSync(
      path.join(a.folder, `${cards[0]!.uid}.vcf`),
      withNote(cards[0]!.text, 'edited for the benchmark'),
    );
    const editUp = checked(await a.sync(), 'edit up');
    const editDown = checked(await b.sync(), 'edit down');
    return { upload, noChange, download, editUp, editDown, downloaded: b.files().size };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Upload of `count` cards and a sync with nothing changed (seconds). */
export async function measureUpload(account: DavAccount, count: number) {
  const work = tempDir('bench-dav');
  try {
    const a = new Vdirsyncer({ dir: path.join(work, 'a'), ...account });
    writeCards(a.folder, generateCards(count, 10_013));
    checked(await a.discover(), 'discover');
    const upload = checked(await a.sync(), `upload ${count}`);
    const noChange = checked(await a.sync(), `no-change sync ${count}`);
    return { upload, noChange };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The table rows, Radicale beside ours when it was measured. */
export function carddavRows(
  ours: SyncTimes & { rssMb: number | null },
  radicale: (SyncTimes & { rssMb: number | null }) | undefined,
) {
  const pair = (k: keyof SyncTimes | 'rssMb', unit: string) => ({
    [`ours ${unit}`]: ours[k],
    ...(radicale ? { [`Radicale ${unit}`]: radicale[k] } : {}),
  });
  return [
    ['CardDAV upload 1,000 cards (vdirsyncer)', pair('upload', 's')],
    ['CardDAV sync with nothing changed, 1,000 cards', pair('noChange', 's')],
    ['CardDAV download 1,000 into an empty folder', pair('download', 's')],
    ['CardDAV one edit, device → server', pair('editUp', 's')],
    ['CardDAV one edit, server → device', pair('editDown', 's')],
    ['CardDAV server memory (RSS) after', pair('rssMb', 'MB')],
  ] as const;
}
