import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { readCard } from '../../contacts/vcard/read';
import { migrationsFolder, type Db } from '../client';
import { runDataMigrations } from './index';

/** A migrations folder holding only the migrations before complete cards (0000 and 0001). */
function oldMigrationsFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-old-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => /^000[01]_/.test(e.tag));
  for (const { tag } of journal.entries) {
    fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  }
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

interface Opened {
  db: Db;
  migrate: (folder: string) => Promise<void>;
  close: () => Promise<void>;
}

async function openPglite(): Promise<Opened> {
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-step-pglite-'));
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzle(client);
  return {
    db: db as unknown as Db,
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway database on the PostgreSQL server of DATABASE_URL (npm run test:postgres). */
async function openPostgres(serverUrl: string): Promise<Opened> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const name = `cards_step_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // The forced drop below ends connections pg may still be closing: not a test failure.
  pool.on('error', () => {});
  const db = drizzle(pool);
  return {
    db: db as unknown as Db,
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const NOTE = Array.from({ length: 100 }, (_, i) => `Line ${i}: a, b; c \\ d`)
  .join('\n')
  .padEnd(5000, 'x,;\\\n');

// One contact per way the old schema could hold a value.
const OLD_ROWS = [
  {
    first_name: 'Zoë',
    last_name: 'Ångström; Jr, III',
    birthday: '1985-04-12',
    birthday_month_day: 412,
    email: 'zoe@example.org',
    website: 'https://zoe.example.org/a,b;c?d=\\e',
    work_phone: '+1 213 373 4253',
    home_phone: '+44 20 7946 0958',
    mobile_phone: '+33 6 12 34 56 78',
    notes: NOTE,
  },
  {
    first_name: 'Grace',
    last_name: '',
    birthday: null,
    birthday_month_day: 1209,
    email: '',
    website: '',
    work_phone: '',
    home_phone: '',
    mobile_phone: '+1 (202) 555-0143',
    notes: '',
  },
];

const kinds: [string, () => Promise<Opened>][] = [['PGlite', openPglite]];
if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  kinds.push(['PostgreSQL', () => openPostgres(url)]);
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(kinds)('migrating contacts from the eight-field schema (%s)', (_kind, open) => {
  it('writes every old value into the card and the derived columns', async () => {
    const opened = await open();
    try {
      const { db } = opened;
      const old = oldMigrationsFolder();
      folders.push(old);
      await opened.migrate(old);
      await db.execute(
        sql`insert into users (username, username_key, password_hash, contact_count) values ('old', 'old', 'x', 2)`,
      );
      const ids: string[] = [];
      for (const row of OLD_ROWS) {
        const result = (await db.execute(sql`
          insert into contacts (owner_id, first_name, last_name, birthday, birthday_month_day, email,
            website, work_phone, home_phone, mobile_phone, notes, name_sort, search_text)
          select id, ${row.first_name}, ${row.last_name}, ${row.birthday}, ${row.birthday_month_day},
            ${row.email}, ${row.website}, ${row.work_phone}, ${row.home_phone}, ${row.mobile_phone},
            ${row.notes}, 'x', 'x'
          from users where username_key = 'old' returning id`)) as unknown as {
          rows: { id: string }[];
        };
        ids.push(result.rows[0]!.id);
      }

      // Enough more to take three batches (and the VACUUM ANALYZE of a large step).
      await db.execute(sql`
        insert into contacts (owner_id, first_name, email, mobile_phone)
        select u.id, 'Many ' || g, 'many' || g || '@example.com', '+1 202 555 0' || (100 + g % 800)
        from users u, generate_series(1, 2500) g where u.username_key = 'old'`);

      await opened.migrate(migrationsFolder);
      expect(await runDataMigrations(db)).toEqual(['0002-cards']);
      expect(await runDataMigrations(db)).toEqual([]);

      const rows = (await db.execute(sql`
        select id, uid, href, card, etag, derived_version, display_name, given_name, family_name,
          primary_email, primary_phone, birthday::text as birthday, birthday_month_day, search_text,
          sort_last, revision, deleted_at
        from contacts where display_name not like 'Many %' order by display_name desc`)) as unknown as {
        rows: Record<string, unknown>[];
      };
      const converted = (await db.execute(
        sql`select count(*)::int as n from contacts where derived_version = 1 and card like 'BEGIN:VCARD%'`,
      )) as unknown as { rows: { n: number }[] };
      expect(converted.rows[0]!.n).toBe(2502);
      const [zoe, grace] = rows.rows as Record<string, string | number | null>[];
      expect(zoe).toMatchObject({
        uid: `urn:uuid:${ids[0]}`,
        href: `${ids[0]}.vcf`,
        derived_version: 1,
        display_name: 'Zoë Ångström; Jr, III',
        given_name: 'Zoë',
        family_name: 'Ångström; Jr, III',
        primary_email: 'zoe@example.org',
        primary_phone: '+1 213 373 4253',
        birthday: '1985-04-12',
        birthday_month_day: 412,
        deleted_at: null,
      });
      expect(Number(zoe!.revision)).toBe(1);
      expect(String(zoe!.etag)).toMatch(/^[0-9a-f]{64}$/);
      expect(String(zoe!.search_text).split(' ')).toEqual(
        expect.arrayContaining([
          'zoe',
          'angstrom;',
          'zoe@example.org',
          '2133734253',
          '02079460958',
        ]),
      );
      const card = readCard(String(zoe!.card)).model;
      expect(card.uid).toBe(`urn:uuid:${ids[0]}`);
      expect(card.name).toMatchObject({ given: 'Zoë', family: 'Ångström; Jr, III' });
      expect(card.birthday).toBe('1985-04-12');
      expect(card.emails.map((e) => e.value)).toEqual(['zoe@example.org']);
      expect(card.urls.map((u) => u.value)).toEqual(['https://zoe.example.org/a,b;c?d=\\e']);
      expect(card.phones.map((p) => [p.label, p.value])).toEqual([
        ['work', '+1 213 373 4253'],
        ['home', '+44 20 7946 0958'],
        ['mobile', '+33 6 12 34 56 78'],
      ]);
      expect(card.note).toBe(NOTE);
      // An independent parser reads the same values from the card's text.
      const vcard = new ICAL.Component(ICAL.parse(String(zoe!.card)) as unknown[]);
      // (ical.js leaves `\;` escaped in text values: docs/plans/complete-cards.md §2.1.)
      expect(String(vcard.getFirstPropertyValue('note')).replaceAll('\\;', ';')).toBe(NOTE);
      expect(vcard.getFirstPropertyValue('uid')).toBe(`urn:uuid:${ids[0]}`);
      expect(vcard.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual([
        '+1 213 373 4253',
        '+44 20 7946 0958',
        '+33 6 12 34 56 78',
      ]);

      expect(grace).toMatchObject({
        display_name: 'Grace',
        birthday: null,
        birthday_month_day: 1209,
      });
      const graceCard = readCard(String(grace!.card)).model;
      expect(graceCard.birthday).toBe('--12-09');
      expect(graceCard.phones).toEqual([
        { value: '+1 (202) 555-0143', label: 'mobile', pref: false },
      ]);

      const users = (await db.execute(
        sql`select contact_count, sync_revision from users`,
      )) as unknown as { rows: { contact_count: number; sync_revision: string | number }[] };
      expect(users.rows.map((u) => [u.contact_count, Number(u.sync_revision)])).toEqual([[2, 1]]);
    } finally {
      await opened.close();
    }
    // Two fresh databases and every migration: slow on a busy machine, never a hang.
  }, 120_000);
});
