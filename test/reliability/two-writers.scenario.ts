import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { login, register, uniqueName } from './lib/accounts';
import { CONFLICT_MESSAGE, createContact, editContact, openEditForm } from './lib/contacts';
import { withEmbedded } from './lib/embedded';
import { query, throwawayDatabase } from './lib/postgres';
import { note } from './lib/stats';
import { AppServer, pageText, parseForms, stopAll, tempDir, WebClient } from '../support';

/**
 * Two browser sessions of one user edit the same contact (the address book's optimistic locking: a hidden
 * `version` in the edit form). Pending until the contacts pages exist.
 */
type Sql = <R>(text: string, params?: unknown[]) => Promise<R[]>;

const backends = [
  {
    name: 'PGlite',
    start: async () => {
      const dataDir = tempDir('writers');
      const server = await AppServer.start({ dataDir });
      return {
        server,
        inspect: async <T>(work: (sql: Sql) => Promise<T>) => {
          await server.stop();
          return withEmbedded(dataDir, work);
        },
        cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const db = await throwawayDatabase('writers');
      const server = await AppServer.start({ databaseUrl: db.url });
      const sql: Sql = async <R>(text: string, params?: unknown[]) =>
        (await query(db.url, text, params)) as R[];
      return {
        server,
        inspect: async <T>(work: (sql: Sql) => Promise<T>) => {
          await server.stop();
          return work(sql);
        },
        cleanup: () => db.drop(),
      };
    },
  },
];

function vcards(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) =>
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `N:${tag}${i};Import;;;`,
      `FN:Import ${tag}${i}`,
      `EMAIL:import${i}@example.test`,
      'END:VCARD',
    ].join('\r\n'),
  ).join('\r\n');
}

describe.each(backends)('two writers ($name)', ({ start }) => {
  const servers: AppServer[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    await stopAll(servers);
    for (const c of cleanups) await c();
  });

  it('the second save of the same contact gets the conflict message; the first save is intact', async () => {
    const backend = await start();
    servers.push(backend.server);
    cleanups.push(backend.cleanup);
    const name = uniqueName('tw');
    const first = new WebClient(backend.server.url);
    await register(first, name);
    const second = new WebClient(backend.server.url);
    await login(second, name);

    // One after the other, from forms opened at the same version.
    const id = await createContact(first, { given: 'Original', family: 'Name' });
    const formA = await openEditForm(first, id);
    const formB = await openEditForm(second, id);
    expect(await editContact(first, id, { given: 'First', family: 'Writer' }, formA)).toBe('saved');
    const late = await second.submit(
      formB,
      { fields: ['version'] },
      { labelled: { 'Given name': 'Second', 'Family name': 'Writer' } },
    );
    expect(late.status).toBe(200);
    expect(pageText(late)).toContain(CONFLICT_MESSAGE);
    // What the second person typed is still in the form, to copy or re-apply.
    const retyped = parseForms(late.html).find((f) => f.names.has('version'))!;
    expect(retyped.fields.map(([, v]) => v)).toContain('Second');
    const page = await first.get(`/contacts/${id}`);
    expect(pageText(page)).toContain('First');
    expect(pageText(page)).not.toContain('Second');

    // At the same moment, six times: exactly one of each pair is saved.
    const rounds = 6;
    for (let round = 0; round < rounds; round++) {
      const [a, b] = await Promise.all([openEditForm(first, id), openEditForm(second, id)]);
      const results = await Promise.all([
        editContact(first, id, { given: `A${round}`, family: 'Race' }, a),
        editContact(second, id, { given: `B${round}`, family: 'Race' }, b),
      ]);
      expect(results.sort()).toEqual(['conflict', 'saved']);
    }
    const [row] = await backend.inspect((sql) =>
      sql<{ version: number; given_name: string }>(
        'select version, given_name from contacts where id = $1',
        [id],
      ),
    );
    expect(row!.version).toBe(2 + rounds);
    note(
      `sequential: the later save got "${CONFLICT_MESSAGE}" and kept its typed values; concurrent: ${rounds} rounds, exactly one save each; version ${row!.version}, last value ${row!.given_name}`,
    );
  });

  it('two imports of the same file at once for one user both finish cleanly', async () => {
    const backend = await start();
    servers.push(backend.server);
    cleanups.push(backend.cleanup);
    const name = uniqueName('ti');
    const a = new WebClient(backend.server.url);
    await register(a, name);
    const b = new WebClient(backend.server.url);
    await login(b, name);
    const file = { filename: 'contacts.vcf', content: vcards(200, 'Same'), type: 'text/vcard' };
    const post = async (client: WebClient) => {
      const page = await client.get('/contacts/import');
      const form = parseForms(page.html).find((f) => f.files.length > 0);
      if (!form) throw new Error('no file form on /contacts/import');
      return client.post(page.url, form, { values: { [form.files[0]!]: file } });
    };
    const responses = await Promise.all([post(a), post(b)]);
    for (const r of responses) expect(r.status, pageText(r).slice(0, 200)).toBeLessThan(500);
    const rows = await backend.inspect((sql) =>
      sql<{ contact_count: number; actual: number; incomplete: number }>(
        `select u.contact_count,
                (select count(*)::int from contacts c where c.owner_id = u.id and c.deleted_at is null) as actual,
                (select count(*)::int from contacts c where c.owner_id = u.id and (c.family_name = '' or c.search_text = '')) as incomplete
           from users u where u.username = $1`,
        [name],
      ),
    );
    const r = rows[0]!;
    expect(r.contact_count).toBe(r.actual);
    expect(r.incomplete).toBe(0);
    // Each import adds the 200 or skips them as duplicates: never a part of the file.
    expect([200, 400]).toContain(r.actual);
    note(
      `two simultaneous imports of 200 vCards answered ${responses.map((x) => x.status).join(' and ')}; ${r.actual} contacts stored, all complete, contact_count consistent`,
    );
  });
});
