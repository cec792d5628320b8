// Times the contacts page's queries for one user with many contacts (seed first:
// `npm run db:seed -- --user bench --contacts 100000`). Run: npx tsx bench/contacts-queries.ts bench
import { getUserByUsername } from '../lib/auth/accounts';
import {
  countContacts,
  listContacts,
  listFavourites,
  listLabels,
  listRecentContacts,
  listUpcomingBirthdays,
  type ContactSort,
} from '../lib/contacts/store';
import { runShutdown } from '../lib/server/shutdown';

async function time(label: string, work: () => Promise<unknown>) {
  await work(); // warm
  const runs = 5;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await work();
  console.log(`${label.padEnd(44)} ${((performance.now() - started) / runs).toFixed(1)} ms`);
}

async function main() {
  const user = await getUserByUsername(process.argv[2] ?? 'bench');
  if (!user) throw new Error('no such user: seed one first');
  console.log(`${user.username}: ${await countContacts(user.id)} contacts`);
  await time('count (users.contact_count)', () => countContacts(user.id));
  for (const sort of ['name', 'birthday', 'added'] as ContactSort[]) {
    await time(`list sort=${sort} page 1`, () => listContacts(user.id, { sort }));
    await time(`list sort=${sort} page 40`, () => listContacts(user.id, { sort, page: 40 }));
    await time(`list sort=${sort} page 2000 (deep)`, () =>
      listContacts(user.id, { sort, page: 2000 }),
    );
  }
  for (const q of [
    'lovelace',
    'zoe angstrom',
    'ada.lovelace.1234',
    '213 373',
    'nobody-matches-this',
    'a',
  ]) {
    await time(`search "${q}"`, () => listContacts(user.id, { q }));
    await time(`search "${q}" page 3`, () => listContacts(user.id, { q, page: 3 }));
  }
  await time('labels with counts', () => listLabels(user.id));
  await time('upcoming birthdays', () => listUpcomingBirthdays(user.id));
  await time('recent contacts', () => listRecentContacts(user.id));
  await time('favourites', () => listFavourites(user.id));
  await time('list favourites only', () => listContacts(user.id, { favourites: true }));
  await runShutdown();
}

void main();
