/**
 * Authentication and authorisation: HTTP Basic (RFC 7617) over app passwords only, the sign-in
 * throttle, and another user's resources answering 404 (no existence leak; RFC 4918 §9 leaves
 * the choice, and Radicale answers "not found" for what a user may not see too).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deleteUser } from '../auth/accounts';
import { recordSignInFailure } from '../auth/throttle';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { appPasswords } from '../db/schema';
import {
  addAppPassword,
  loopback,
  hrefsIn,
  multistatus,
  okProp,
  responseFor,
  NS,
  cardName,
  client,
  dav,
  multigetBody,
  newDavUser,
  propfindBody,
  revokeAppPasswordRow,
  syncBody,
  startDavServer,
  vcard,
  type DavUser,
} from './test-support';

const server = startDavServer();

const propfind = (user: Parameters<typeof client>[1], path = '/dav/') =>
  client(server, user).propfind(path, propfindBody('D:current-user-principal'));

/** RFC 7617 §2: `Basic realm="…"`, here with the app's name, and charset="UTF-8" (§2.1). */
function expectChallenge(res: { status: number; header(n: string): string | undefined }) {
  expect(res.status).toBe(401);
  const challenge = res.header('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Basic\b/i);
  expect(challenge).toMatch(/realm="Contact Cards"/);
  expect(challenge).toMatch(/charset="UTF-8"/i);
}

describe('401 with a named realm', () => {
  it('no credentials → 401 Basic realm="Contact Cards" on the root, a book and a card', async () => {
    const user = await newDavUser();
    for (const path of ['/dav/', user.principal, user.book, user.book + cardName()]) {
      const res = await dav(server, 'PROPFIND', path, {
        body: propfindBody('D:getetag'),
        depth: '0',
        from: user.address,
      });
      expectChallenge(res);
    }
  });

  it('a wrong app password, an unknown user and another scheme → 401', async () => {
    const user = await newDavUser();
    expectChallenge(await propfind({ ...user, password: 'aaaaa-bbbbb-ccccc-ddddd-eeeee-fffff' }));
    expectChallenge(await propfind({ ...user, username: `${user.username}x` }));
    const bearer = await dav(server, 'PROPFIND', '/dav/', {
      headers: { authorization: `Bearer ${user.password}` },
      depth: '0',
      from: user.address,
    });
    expectChallenge(bearer);
  });

  it('malformed Basic credentials → 401, not a 400 or 500', async () => {
    const from = loopback();
    for (const authorization of [
      'Basic',
      'Basic !!!not-base64!!!',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
    ]) {
      const res = await dav(server, 'PROPFIND', '/dav/', {
        headers: { authorization },
        depth: '0',
        from,
      });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('the account password is never accepted for DAV', async () => {
    const user = await newDavUser();
    expect((await propfind(user)).status).toBe(207);
    expectChallenge(await propfind({ ...user, password: user.accountPassword }));
  });
});

describe('app passwords', () => {
  it('are accepted as typed: without dashes, in capitals, with spaces (the contract normalises)', async () => {
    const user = await newDavUser();
    const bare = user.password.replace(/-/g, '');
    for (const typed of [bare, user.password.toUpperCase(), user.password.replace(/-/g, ' ')]) {
      expect((await propfind({ ...user, password: typed })).status, typed).toBe(207);
    }
  });

  it('each of several works; a revoked one is 401 at once, the others keep working', async () => {
    const user = await newDavUser();
    const second = await addAppPassword(user.id, 'laptop');
    expect((await propfind(user)).status).toBe(207);
    expect((await propfind({ ...user, password: second.secret })).status).toBe(207);
    await revokeAppPasswordRow(user.appPasswordId);
    expectChallenge(await propfind(user));
    expect((await propfind({ ...user, password: second.secret })).status).toBe(207);
  });

  it('a successful request records when and from where the app password was last used', async () => {
    const user = await newDavUser();
    expect((await propfind(user)).status).toBe(207);
    const db = await getDb();
    const [row] = await db
      .select({ at: appPasswords.lastUsedAt, from: appPasswords.lastUsedFrom })
      .from(appPasswords)
      .where(eq(appPasswords.id, user.appPasswordId));
    expect(row?.at).toBeInstanceOf(Date);
    // The connection's address: each test user sends from its own loopback address.
    expect(row?.from).toContain(user.address);
  });

  it('a deleted account: its app passwords are 401 at once', async () => {
    const user = await newDavUser();
    expect((await propfind(user)).status).toBe(207);
    await deleteUser(user.id);
    expectChallenge(await propfind(user));
  });

  it('a non-ASCII username works in UTF-8 Basic credentials (RFC 7617 §2.1)', async () => {
    const user = await newDavUser('zoë');
    expect(user.username).toMatch(/ë/);
    const res = await propfind(user);
    expect(res.status).toBe(207);
    const root = responseFor(multistatus(res.text), '/dav/');
    expect(hrefsIn(okProp(root, NS.D, 'current-user-principal'))).toEqual([
      decodeURIComponent(user.principal),
    ]);
  });
});

describe('the sign-in throttle counts failed Basic attempts', () => {
  it('after the pair limit of failures from one address, even the right app password is refused there only', async () => {
    const user = await newDavUser();
    const limit = getConfig().THROTTLE_PAIR_FAILURES;
    for (let i = 0; i < limit; i++) {
      expect((await propfind({ ...user, password: `wrong-${i}` })).status).toBe(401);
    }
    const res = await propfind(user);
    expect(res.status).not.toBe(207);
    expect([401, 403, 429, 503]).toContain(res.status);
    // No account-wide lock: the same account syncs from another address.
    expect((await propfind({ ...user, address: loopback() })).status).toBe(207);
  });

  it('the per-address limit: after that many failures from one address, it is refused there only', async () => {
    const user = await newDavUser();
    const limit = getConfig().THROTTLE_IP_PER_MINUTE;
    // Failures under names that do not exist, so no account lock is involved, from the user's
    // own loopback address.
    for (let i = 0; i < limit; i++) {
      const res = await propfind({
        username: `nobody-${i}-${user.username}`,
        password: 'x',
        address: user.address,
      });
      expect(res.status).not.toBe(207);
    }
    const there = await propfind(user);
    expect(there.status).not.toBe(207);
    expect([401, 403, 429, 503]).toContain(there.status);
    expect((await propfind({ ...user, address: loopback() })).status).toBe(207);
  });

  it('failures at the web sign-in lock DAV from that address too (one throttle)', async () => {
    const user = await newDavUser();
    for (let i = 0; i < getConfig().THROTTLE_PAIR_FAILURES; i++)
      await recordSignInFailure(user.key, { address: user.address });
    const res = await propfind(user);
    expect(res.status).not.toBe(207);
    expect([401, 403, 429, 503]).toContain(res.status);
  });
});

describe("another user's resources are 404, as if they did not exist", () => {
  async function twoUsers(): Promise<{ me: DavUser; other: DavUser; name: string; card: string }> {
    const me = await newDavUser();
    const other = await newDavUser();
    const name = cardName('private');
    const card = vcard({ fn: 'Private Person', email: 'private@example.org' });
    expect((await client(server, other).put(other.book + name, card)).status).toBe(201);
    return { me, other, name, card };
  }

  it('PROPFIND on their principal, home, address book and card → 404', async () => {
    const { me, other, name } = await twoUsers();
    const c = client(server, me);
    for (const path of [other.principal, other.home, other.book, other.book + name]) {
      const res = await c.propfind(path, propfindBody('D:displayname', 'D:getetag'));
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('Private Person');
    }
  });

  it('the same 404 as for a user or card that does not exist (no existence leak)', async () => {
    const { me, other, name } = await twoUsers();
    const c = client(server, me);
    const existing = await c.get(other.book + name);
    const absentCard = await c.get(other.book + cardName('absent'));
    const absentUser = await c.get(`/dav/addressbooks/no-such-user-${Date.now()}/contacts/${name}`);
    expect([existing.status, absentCard.status, absentUser.status]).toEqual([404, 404, 404]);
  });

  it('GET, PUT, DELETE and REPORT on their card or book → 404, and their card is untouched', async () => {
    const { me, other, name, card } = await twoUsers();
    const c = client(server, me);
    expect((await c.get(other.book + name)).status).toBe(404);
    expect((await c.put(other.book + name, vcard({ fn: 'Overwritten' }))).status).toBe(404);
    expect((await c.put(other.book + cardName('planted'), vcard({ fn: 'Planted' }))).status).toBe(
      404,
    );
    expect((await c.del(other.book + name)).status).toBe(404);
    expect((await c.report(other.book, syncBody(''))).status).toBe(404);
    expect((await c.report(other.book, multigetBody([other.book + name]))).status).toBe(404);
    expect(
      (
        await c.send('PROPPATCH', other.book, {
          body: `<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>Mine</D:displayname></D:prop></D:set></D:propertyupdate>`,
        })
      ).status,
    ).toBe(404);

    const owner = client(server, other);
    const still = await owner.get(other.book + name);
    expect(still.status).toBe(200);
    expect(still.text).toBe(card);
    const list = await owner.propfind(other.book, propfindBody('D:getetag', 'D:displayname'), '1');
    expect(list.text).not.toContain('planted');
    expect(list.text).toContain('Contacts');
  });

  it('the usernames in the path are matched by their folded key, not a look-alike', async () => {
    const { me, other, name } = await twoUsers();
    // "ALICE" for "alice": the key is what the URL carries; another case still means the other
    // user, still 404 for me.
    const upper = other.book.replace(
      encodeURIComponent(other.key),
      encodeURIComponent(other.key.toUpperCase()),
    );
    expect((await client(server, me).get(upper + name)).status).toBe(404);
  });
});
