import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { dataMigrations } from '../schema';
import { convertLegacyContacts } from './cards';

/**
 * One-time data steps that need the app's own code (the vCard writer, the search folding), run by
 * openDatabase() right after the SQL migrations and recorded in data_migrations. Each step is
 * safe to run again after an interruption.
 */
const STEPS: { name: string; run: (db: Db, log: (message: string) => void) => Promise<unknown> }[] =
  [
    {
      name: '0002-cards',
      run: (db, log) =>
        convertLegacyContacts(db, (done) => {
          if (done % 10_000 === 0) log(`contacts converted to cards: ${done}`);
        }),
    },
  ];

export async function runDataMigrations(
  db: Db,
  log: (message: string) => void = () => {},
): Promise<string[]> {
  const ran: string[] = [];
  for (const step of STEPS) {
    const [done] = await db
      .select({ name: dataMigrations.name })
      .from(dataMigrations)
      .where(eq(dataMigrations.name, step.name));
    if (done) continue;
    await step.run(db, log);
    await db.insert(dataMigrations).values({ name: step.name }).onConflictDoNothing();
    ran.push(step.name);
  }
  return ran;
}
