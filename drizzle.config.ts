import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database: drizzle-kit diffs schema.ts against the snapshots.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./lib/db/schema.ts', './lib/db/security-schema.ts'],
  out: './lib/db/migrations',
});
