// Rows 10 and 11: figures that tests used to assert with a time limit, measured here instead.
import { submitForm, TEST_PASSWORD, WebClient } from '../../test/support/index.ts';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => +ms.toFixed(1);

/**
 * Median time of a no-JavaScript sign-in POST for a known user with a wrong password and for an
 * unknown username, taken in alternating order; both should verify one password hash, so the gap
 * is what user enumeration by timing could see (e2e/security/enumeration.spec.ts checks that the
 * answers themselves are identical).
 */
export async function signInTimes(origin, knownUser, tries) {
  const times = { known: [], unknown: [] };
  const once = async (kind, i) => {
    const name = kind === 'known' ? knownUser : `nobody_${Date.now().toString(36)}${i}`;
    const res = await submitForm(origin, '/login', [
      ['username', name],
      ['password', 'not the right password'],
    ]);
    if (res.status !== 200) throw new Error(`a wrong sign-in answered ${res.status}`);
    times[kind].push(res.ms);
  };
  await once('known', -1); // warm-up, unrecorded
  times.known = [];
  for (let i = 0; i < tries; i++) {
    const order = i % 2 ? ['unknown', 'known'] : ['known', 'unknown'];
    for (const kind of order) await once(kind, i);
  }
  const wrongPassword = median(times.known);
  const unknownUser = median(times.unknown);
  return {
    wrongPassword: round(wrongPassword),
    unknownUser: round(unknownUser),
    gap: round(Math.abs(wrongPassword - unknownUser)),
  };
}

/** Registers a new user and times one import of `count` generated contacts through the form. */
export async function importTime(origin, count) {
  const client = new WebClient(origin, { timeoutMs: 300_000 });
  const name = `bench_imp_${Date.now().toString(36)}`;
  const registered = await client.submit(
    '/register',
    { fields: ['confirm'] },
    { values: { username: name, password: TEST_PASSWORD, confirm: TEST_PASSWORD } },
  );
  if (registered.status !== 303) throw new Error(`registering answered ${registered.status}`);
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `Person${i},Bench,p${i}@example.com,+1 213 373 ${String(i % 10_000).padStart(4, '0')}`,
  );
  const csv = `First name,Last name,Email,Mobile phone\n${rows.join('\n')}\n`;
  const page = await client.get('/contacts/import');
  const started = performance.now();
  const res = await client.submit(
    page,
    { fields: ['file'] },
    { values: { file: { filename: 'bench.csv', content: csv, type: 'text/csv' } } },
  );
  return { ms: Math.round(performance.now() - started), status: res.status };
}
