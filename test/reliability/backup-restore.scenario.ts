import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postLogin, register, signedInAs, uniqueName } from './lib/accounts';
import { createContact, type ContactName } from './lib/contacts';
import { openPglite } from '@/scripts/lib/embedded-dump';
import { withEmbedded } from './lib/embedded';
import { note } from './lib/stats';
import {
  AppServer,
  npmRun,
  pageText,
  stopAll,
  tempDir,
  TEST_PASSWORD,
  WebClient,
} from '../support';

describe('backup and restore of the embedded database', () => {
  const dirs = [tempDir('backup-src'), tempDir('backup-dst'), tempDir('backup-files')];
  const [source, target, files] = dirs as [string, string, string];
  const servers: AppServer[] = [];
  afterAll(async () => {
    await stopAll(servers);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('db:backup makes a copy that db:restore brings back: every user, session and contact', async () => {
    const first = await AppServer.start({ dataDir: source });
    servers.push(first);
    const people: { name: string; client: WebClient; contacts: Map<string, ContactName> }[] = [];
    for (let i = 0; i < 5; i++) {
      const name = uniqueName('bk');
      const client = new WebClient(first.url);
      await register(client, name);
      const contacts = new Map<string, ContactName>();
      for (let j = 0; j < 3; j++) {
        const value = { given: `Backup${i}`, family: `Contact${j}` };
        contacts.set(await createContact(client, value), value);
      }
      people.push({ name, client, contacts });
    }
    expect((await first.stop()).code).toBe(0);

    const file = path.join(files, 'contact-cards.tar.gz');
    const backup = await npmRun('db:backup', source, file);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toContain('(5 users, 15 contacts, 5 sessions)');
    note(`npm run db:backup: ${backup.output.trim().split('\n').at(-1)}`);

    // A write after the backup: a restore goes back to the backup's moment, and keeps this aside.
    const again = await AppServer.start({ dataDir: source });
    servers.push(again);
    const late = uniqueName('late');
    await register(new WebClient(again.url), late);
    expect((await again.stop()).code).toBe(0);

    // Into a new folder (another machine), and over the original (undoing the late write).
    for (const dataDir of [target, source]) {
      const restore = await npmRun('db:restore', dataDir, file);
      expect(restore.status, restore.output).toBe(0);
      expect(restore.output).toContain('(5 users,');
      note(
        `npm run db:restore into ${dataDir === target ? 'an empty folder' : 'the original folder'}: ${restore.output.trim().split('\n').join(' ')}`,
      );
    }
    const kept = fs.readdirSync(source).filter((f) => f.startsWith('pgdata.before-restore-'));
    expect(kept).toHaveLength(1);
    // No server runs on the folder now; the kept copy opens like any data folder.
    const keptDb = await openPglite({ dataDir: path.join(source, kept[0]!) });
    const keptUsers = (
      await keptDb.query<{ username: string }>('select username from users')
    ).rows.map((r) => r.username);
    await keptDb.close();
    expect(keptUsers).toContain(late);
    note(
      `the replaced database was kept as ${kept[0]} (it still holds the user registered after the backup)`,
    );

    for (const dataDir of [target, source]) {
      const restored = await AppServer.start({ dataDir });
      servers.push(restored);
      await Promise.all(
        people.map(async (person) => {
          // The session cookie from before the backup, and the password.
          expect(await signedInAs(person.client.withBase(restored.url), person.name)).toBe(true);
          const r = await postLogin(new WebClient(restored.url), person.name, TEST_PASSWORD);
          expect(r.status).toBe(303);
        }),
      );
      const lateLogin = await postLogin(new WebClient(restored.url), late, TEST_PASSWORD);
      expect(pageText(lateLogin)).toContain('Invalid username or password.');
      expect((await restored.stop()).code).toBe(0);
      const contacts = await withEmbedded(dataDir, (sql) =>
        sql<{ id: string; given_name: string; family_name: string }>(
          'select id, given_name, family_name from contacts',
        ),
      );
      const byId = new Map(contacts.map((c) => [c.id, c]));
      for (const person of people) {
        for (const [id, value] of person.contacts) {
          expect(byId.get(id), `contact ${id}`).toMatchObject({
            given_name: value.given,
            family_name: value.family,
          });
        }
      }
      expect(contacts).toHaveLength(15);
    }
    note(
      `a server on each restored folder: all 5 users sign in, their sessions from before the backup still work, the later user is absent, all 15 contacts are there`,
    );
  });
});
