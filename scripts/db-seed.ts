// `npm run db:seed -- --user NAME --contacts N [--password P]`: a user (created if missing) with N
// realistic fake contacts, for trying the app at scale and for the benchmark. Deterministic: the
// same N gives the same names, so benchmark runs compare like with like.
import { getUserByUsername, createUser } from '../lib/auth/accounts';
import { emptyContact, emptyName, type ContactModel } from '../lib/contacts/model';
import { applyImport } from '../lib/contacts/store';
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
const COMPANIES = ['Acme Ltd', 'Globex', 'Initech', 'Umbrella Bank', 'Stark Industries', ''];
const TITLES = ['Engineer', 'Accountant', 'Designer', 'Director', 'Nurse', ''];
const STREETS = ['High Street', 'Rue de la Paix', 'Hauptstraße', 'Calle Mayor', 'Main Street'];
const CITIES: [locality: string, postalCode: string, country: string][] = [
  ['London', 'SW1A 1AA', 'United Kingdom'],
  ['Paris', '75002', 'France'],
  ['Berlin', '10117', 'Germany'],
  ['Madrid', '28013', 'Spain'],
  ['Springfield', '62701', 'United States'],
];
const LABELS = ['Family', 'Work', 'Book club', 'Neighbours'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const value = (v: string, label: string, pref = false) => ({ value: v, label, pref });

/** The n-th fake contact: a cheap deterministic mix, no random source. */
function fakeContact(n: number): ContactModel {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  const suffix = Math.floor(n / (FIRST.length * LAST.length));
  const monthDay = `${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}`;
  const local = `${first}.${last}${suffix || ''}`
    .normalize('NFKD')
    .replace(/[^\w.]/g, '')
    .toLowerCase();
  const [locality, postalCode, country] = CITIES[n % CITIES.length]!;
  const organization = COMPANIES[n % COMPANIES.length]!;
  return {
    ...emptyContact(),
    name: { ...emptyName(), given: first, family: suffix ? `${last} ${suffix}` : last },
    organization,
    jobTitle: organization ? TITLES[n % TITLES.length]! : '',
    emails: [
      value(`${local}@${DOMAINS[n % DOMAINS.length]}`, 'home', true),
      ...(n % 2 === 0 ? [value(`${local}@work.example.com`, 'work')] : []),
    ],
    phones: [
      value(`+44 7700 ${pad(900000 + (n % 100000), 6)}`, 'mobile', true),
      ...(n % 2 === 0 ? [value(`+1 202-555-${pad(n % 10000, 4)}`, 'work')] : []),
      ...(n % 9 === 0 ? [value(`+33 1 42 68 ${pad(n % 100, 2)} ${pad(n % 97, 2)}`, 'home')] : []),
    ],
    addresses:
      n % 4 === 3
        ? []
        : [
            {
              label: 'home',
              pref: false,
              poBox: '',
              extended: '',
              street: `${1 + (n % 200)} ${STREETS[n % STREETS.length]}`,
              locality,
              region: '',
              postalCode,
              country,
            },
          ],
    urls: n % 5 === 0 ? [value(`https://${local.replace(/\./g, '-')}.example.com`, '')] : [],
    // A third without a birthday, and one in six known only by day and month.
    birthday: n % 3 === 0 ? '' : n % 6 === 1 ? `--${monthDay}` : `${1940 + (n % 70)}-${monthDay}`,
    labels: n % 3 === 2 ? [] : [LABELS[n % LABELS.length]!],
    favourite: n % 11 === 0,
    note: n % 7 === 0 ? 'Met at the conference.' : '',
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
    const models = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
      fakeContact(start + i),
    );
    await applyImport(
      user.id,
      models.map((model) => ({ model, rest: null, flags: [], photo: null })),
    );
  }
  console.log(
    `Seeded ${count} contacts for ${user.username} (password: ${arg('password') ? 'as given' : password}).`,
  );
  await runShutdown();
});
