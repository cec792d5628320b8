// `npm run db:seed -- --user NAME --contacts N [--password P]`: a user (created if missing) with N
// realistic fake contacts, for trying the app at scale and for the benchmark. Deterministic: the
// same N gives the same names, so benchmark runs compare like with like.
import { getUserByUsername, createUser } from '../lib/auth/accounts';
import { applyImport } from '../lib/contacts/store';
import { writeFromLegacy } from '../lib/contacts/store/legacy-bridge';
import type { ContactInput } from '../lib/contacts/validation';
import { runShutdown } from '../lib/server/shutdown';
import { fail, loadCliEnvironment, runMain } from './lib/db-cli';

const FIRST = [
  'Ada',
  'Alan',
  'Amélie',
  'Anna',
  'Bjørn',
  'Carlos',
  'Chen',
  'Chloé',
  'Dmitri',
  'Elena',
  'Fatima',
  'François',
  'Grace',
  'Hana',
  'Ines',
  'Jamal',
  'José',
  'Katarzyna',
  'Lars',
  'Léa',
  'Mateo',
  'Mei',
  'Noah',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Úrsula',
  'Victor',
  'Wen',
  'Yusuf',
  'Zoë',
];
const LAST = [
  'Andersson',
  'Bianchi',
  'Brown',
  'Çelik',
  'Dubois',
  'Fernández',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lefèvre',
  'Müller',
  'Nakamura',
  'Novák',
  'O’Brien',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Silva',
  'Smith',
  'Tanaka',
  'Van Dijk',
  'Wang',
  'Yılmaz',
  'Zhang',
];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The n-th fake contact: a cheap deterministic mix, no random source. */
function fakeContact(n: number): ContactInput {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  const suffix = Math.floor(n / (FIRST.length * LAST.length));
  const year = 1940 + (n % 70);
  const month = 1 + (n % 12);
  const day = 1 + (n % 28);
  const withBirthday = n % 3 !== 0;
  const local = `${first}.${last}${suffix || ''}`
    .normalize('NFKD')
    .replace(/[^\w.]/g, '')
    .toLowerCase();
  return {
    firstName: first,
    lastName: suffix ? `${last} ${suffix}` : last,
    birthday: withBirthday
      ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      : null,
    birthdayMonthDay: withBirthday ? month * 100 + day : null,
    email: `${local}@${DOMAINS[n % DOMAINS.length]}`,
    website: n % 5 === 0 ? `https://${local.replace(/\./g, '-')}.example.com` : '',
    workPhone: n % 2 === 0 ? `+1 202-555-${String(n % 10000).padStart(4, '0')}` : '',
    homePhone: '',
    mobilePhone: `+44 7700 ${String(900000 + (n % 100000)).padStart(6, '0')}`,
    notes: n % 7 === 0 ? 'Met at the conference.' : '',
  };
}

runMain(async () => {
  loadCliEnvironment();
  const username =
    arg('user') ?? fail('Usage: npm run db:seed -- --user NAME --contacts N [--password P]');
  const count = Number(arg('contacts') ?? 100);
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
    fail('--contacts must be a whole number up to 1,000,000');
  const password = arg('password') ?? 'contact cards demo';
  const user = (await getUserByUsername(username)) ?? (await createUser(username, password));
  if (!user) fail(`Could not create the user ${username}.`);
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    const inputs = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
      fakeContact(start + i),
    );
    await applyImport(
      user.id,
      inputs.map((input) => ({ ...writeFromLegacy(input), rest: null, photo: null })),
    );
  }
  console.log(
    `Seeded ${count} contacts for ${user.username} (password: ${arg('password') ? 'as given' : password}).`,
  );
  await runShutdown();
});
