import { logout, login, postLogin, register, signedInAs, uniqueName } from './accounts';
import {
  createContact,
  deleteContact,
  editContact,
  listContacts,
  type ContactName,
} from './contacts';
import { pageText, Recorder, RequestFailed, TEST_PASSWORD, WebClient } from '../../support';

/**
 * A mixed workload from N concurrent clients for a fixed time, and a model of what the database
 * must hold afterwards, built only from responses that said a write succeeded.
 */
export interface ModelUser {
  sessions: number;
  contacts: Map<string, ContactName>;
}

export type Sql = <R>(text: string, params?: unknown[]) => Promise<R[]>;

export interface LoadOptions {
  baseUrl: string;
  clients: number;
  durationMs: number;
}

export interface LoadResult {
  recorder: Recorder;
  users: Map<string, ModelUser>;
  problems: string[];
  ops: Map<string, number>;
  seconds: number;
}

type Op = (vu: VirtualUser) => Promise<void>;

class VirtualUser {
  constructor(
    readonly name: string,
    public client: WebClient,
    readonly model: ModelUser,
    readonly n: number,
  ) {}
  counter = 0;
}

const AUTH_OPS: [string, number, Op][] = [
  [
    'home page',
    30,
    async (vu) => {
      if (!(await signedInAs(vu.client, vu.name)))
        throw new Error(`home page did not greet ${vu.name}`);
    },
  ],
  [
    'sign out and in',
    10,
    async (vu) => {
      await logout(vu.client);
      vu.model.sessions -= 1;
      await login(vu.client, vu.name);
      vu.model.sessions += 1;
    },
  ],
  [
    'failed sign-in',
    6,
    async (vu) => {
      const r = await postLogin(
        vu.client.fresh(),
        uniqueName('nobody'),
        'wrong password 123',
        'sign in (wrong)',
      );
      if (r.status !== 200 || !pageText(r).includes('Invalid username or password.')) {
        throw new Error(`failed sign-in answered ${r.status}: ${pageText(r).slice(0, 120)}`);
      }
    },
  ],
  ['login page', 8, async (vu) => void (await expectOk(vu.client.fresh(), '/login'))],
  ['logout page', 4, async (vu) => void (await expectOk(vu.client, '/logout'))],
  ['health', 4, async (vu) => void (await expectOk(vu.client, '/api/health'))],
];

/** Writes a new user into the model of `users` (registration is a write too). */
function newAccountOp(users: Map<string, ModelUser>): [string, number, Op] {
  return [
    'register',
    5,
    async (vu) => {
      const name = uniqueName(`l${vu.n}`);
      await register(vu.client.fresh(), name, TEST_PASSWORD);
      users.set(name, { sessions: 1, contacts: new Map() });
    },
  ];
}

const CONTACT_OPS: [string, number, Op][] = [
  [
    'create contact',
    12,
    async (vu) => {
      const value = { given: `Load${vu.n}`, family: `Person${vu.counter++}` };
      vu.model.contacts.set(await createContact(vu.client, value), value);
    },
  ],
  [
    'edit contact',
    8,
    async (vu) => {
      const id = pickKey(vu.model.contacts);
      if (!id) return;
      const value = { given: `Load${vu.n}`, family: `Edited${vu.counter++}` };
      const result = await editContact(vu.client, id, value);
      if (result !== 'saved')
        throw new Error(`edit of ${id} by its only editor was refused: ${result}`);
      vu.model.contacts.set(id, value);
    },
  ],
  [
    'delete contact',
    3,
    async (vu) => {
      const id = pickKey(vu.model.contacts);
      if (!id) return;
      await deleteContact(vu.client, id);
      vu.model.contacts.delete(id);
    },
  ],
  ['browse contacts', 8, async (vu) => void (await listContacts(vu.client))],
  [
    'search contacts',
    6,
    async (vu) => {
      const [, value] = [...vu.model.contacts][0] ?? [];
      const r = await listContacts(vu.client, value?.family ?? 'nobody-by-this-name');
      if (value && !pageText(r).includes(value.family)) {
        throw new Error(`search for ${value.family} did not list it`);
      }
    },
  ],
  [
    'view contact',
    5,
    async (vu) => {
      const id = pickKey(vu.model.contacts);
      if (id) await expectOk(vu.client, `/contacts/${id}`, 'GET /contacts/[id]');
    },
  ],
];

function pickKey<K>(map: Map<K, unknown>): K | undefined {
  const keys = [...map.keys()];
  return keys[Math.floor(Math.random() * keys.length)];
}

async function expectOk(client: WebClient, path: string, op?: string) {
  const r = await client.get(path, op);
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}`);
  return r;
}

function chooser(ops: [string, number, Op][]) {
  const total = ops.reduce((s, [, w]) => s + w, 0);
  return () => {
    let x = Math.random() * total;
    for (const op of ops) {
      x -= op[1];
      if (x < 0) return op;
    }
    return ops[0]!;
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const recorder = new Recorder();
  const users = new Map<string, ModelUser>();
  const problems: string[] = [];
  const ops = new Map<string, number>();
  const pick = chooser([...AUTH_OPS, newAccountOp(users), ...CONTACT_OPS]);

  // Warm-up, unrecorded: the first render of each page loads its code, as after any deploy.
  const warm = new WebClient(options.baseUrl, { timeoutMs: 60_000 });
  for (const path of ['/register', '/login', '/', '/api/health', '/contacts']) {
    await warm.get(path);
  }
  const started = Date.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, n) => {
      // Clients arrive over two seconds rather than in one instant.
      await new Promise((r) => setTimeout(r, (n * 2000) / options.clients));
      const name = uniqueName(`l${n}`);
      const client = new WebClient(options.baseUrl, { recorder, timeoutMs: 30_000 });
      try {
        await register(client, name);
      } catch (error) {
        problems.push(`register ${name}: ${(error as Error).message}`);
        return;
      }
      const model = { sessions: 1, contacts: new Map<string, ContactName>() };
      users.set(name, model);
      const vu = new VirtualUser(name, client, model, n);
      while (Date.now() < deadline) {
        const [label, , op] = pick();
        ops.set(label, (ops.get(label) ?? 0) + 1);
        try {
          await op(vu);
        } catch (error) {
          problems.push(`${label} (${name}): ${(error as Error).message}`);
          // A timeout or reset leaves the write's outcome unknown: the model stops being exact.
          if (error instanceof RequestFailed) return;
        }
      }
    }),
  );
  return { recorder, users, problems, ops, seconds: (Date.now() - started) / 1000 };
}

/** Differences between the model and the database; empty when they agree exactly. */
export async function compareWithDatabase(
  sql: Sql,
  users: Map<string, ModelUser>,
): Promise<string[]> {
  const diffs: string[] = [];
  const rows = await sql<{
    username: string;
    sessions: number;
    contact_count: number;
    actual: number;
  }>(
    `select u.username,
            (select count(*)::int from sessions s where s.user_id = u.id) as sessions,
            u.contact_count,
            (select count(*)::int from contacts c where c.owner_id = u.id and c.deleted_at is null) as actual
       from users u`,
  );
  const stored = new Map(rows.map((r) => [r.username, r]));
  for (const [name, model] of users) {
    const row = stored.get(name);
    if (!row) {
      diffs.push(`user ${name} acknowledged but missing`);
      continue;
    }
    if (row.sessions !== model.sessions)
      diffs.push(`user ${name}: ${row.sessions} sessions stored, ${model.sessions} expected`);
    if (row.contact_count !== row.actual)
      diffs.push(`user ${name}: contact_count ${row.contact_count} but ${row.actual} contacts`);
    if (row.actual !== model.contacts.size)
      diffs.push(`user ${name}: ${row.actual} contacts stored, ${model.contacts.size} expected`);
  }
  for (const name of stored.keys())
    if (!users.has(name)) diffs.push(`user ${name} stored but never acknowledged`);
  const storedContacts = await sql<{
    username: string;
    id: string;
    given_name: string;
    family_name: string;
  }>(
    'select u.username, c.id, c.given_name, c.family_name from contacts c join users u on u.id = c.owner_id where c.deleted_at is null',
  );
  const byId = new Map(storedContacts.map((c) => [c.id, c]));
  for (const [name, model] of users) {
    for (const [id, value] of model.contacts) {
      const row = byId.get(id);
      if (!row) diffs.push(`contact ${id} of ${name} acknowledged but missing`);
      else if (
        row.username !== name ||
        row.given_name !== value.given ||
        row.family_name !== value.family
      ) {
        diffs.push(
          `contact ${id}: stored ${row.username}/${row.given_name} ${row.family_name}, expected ${name}/${value.given} ${value.family}`,
        );
      }
    }
  }
  return diffs;
}
