import { defineConfig, devices } from '@playwright/test';
import {
  chromiumPath,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
  TEST_SESSION_SECRET,
} from './test/support/env.mjs';

/**
 * Two servers from one production build: "main" with generous per-address limits (the suite
 * signs in hundreds of times from 127.0.0.1) and a short lock window per (username, address) so
 * expiry can be tested; "strict" with the default limits, for the throttling cases.
 * scripts/e2e.mjs chooses the ports and folders; the defaults let `npx playwright test` run alone.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const strictPort = Number(process.env.E2E_STRICT_PORT ?? 3211);
const chromium = chromiumPath();

export const STRICT_URL = `http://127.0.0.1:${strictPort}`;
/**
 * Where the main server sends mail: e2e/password-reset.spec.ts listens there (one worker, one
 * project). The strict server has no mail, for the pages that say so.
 */
export const MAIL_SINK_PORT = Number(process.env.E2E_MAIL_PORT ?? 2587);

/**
 * Specs whose outcome no database can change (layout and markup, headers, redirects, the QR
 * code, servers of their own): `npm run test:postgres` sets E2E_DATABASE_FOCUS and skips them,
 * since the PGlite run has just checked them against the same build.
 */
const SAME_ON_EVERY_DATABASE = [
  '**/layout.spec.ts',
  '**/rough-edges.spec.ts',
  '**/flash.spec.ts',
  '**/route-manifest.spec.ts',
  '**/contacts-share.spec.ts',
  '**/security-log.spec.ts',
  '**/security/headers.spec.ts',
  '**/security/redirects.spec.ts',
  '**/security/bypass.spec.ts',
  '**/security/lab.spec.ts',
  '**/keyboard.spec.ts',
  '**/look.spec.ts',
  '**/client-weight.spec.ts',
  '**/screenshots.spec.ts',
  // Its own server on the embedded database whatever DATABASE_URL says.
  '**/password-reset-recovery.spec.ts',
  // Browser ceremonies and mail whose data layer (tokens, codes, challenges, counters) the
  // PostgreSQL unit run covers file by file; the lockout attack stays (issue 15 asks for both).
  '**/passkeys.spec.ts',
  '**/two-factor.spec.ts',
  '**/password-reset.spec.ts',
  '**/security/cross-site.spec.ts',
  '**/server/**',
];

const serverEnv = (dataDir: string, extra: Record<string, string>) => ({
  SESSION_SECRET: TEST_SESSION_SECRET,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  HOSTNAME: '127.0.0.1',
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  ...extra,
});

export default defineConfig({
  testDir: './e2e',
  // Playwright empties its output folder at start; the suites' totals live beside it.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: process.env.CI ? 1 : 0,
  // A guard against hangs, not a speed check: a long no-JavaScript flow with axe runs takes 20 to
  // 50 s on two cores while the other worker and both servers are busy.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e-report.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'js',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: true },
      testIgnore: process.env.E2E_DATABASE_FOCUS ? SAME_ON_EVERY_DATABASE : [],
    },
    {
      name: 'no-js',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false },
      // The attack suite speaks raw HTTP or drives pages where scripts play no part: once is enough.
      testIgnore: ['**/security/**'],
    },
  ],
  webServer: [
    {
      command: `node ${SERVER_NODE_FLAGS.join(' ')} ${SERVER_ENTRY}`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      // A cold PGlite start took 60 s on a machine at load 25; CI waits longer rather than fail.
      timeout: 180_000,
      env: serverEnv(process.env.E2E_DATA_DIR ?? 'data-e2e', {
        PORT: String(port),
        THROTTLE_IP_PER_MINUTE: '100000',
        // A (username, address) pair locks for 6 s after 5 failures, so expiry can be tested; no
        // account-wide delay here, where every test is a "stranger" at 127.0.0.1 (the strict
        // server keeps the defaults for that).
        THROTTLE_PAIR_FAILURES: '5',
        THROTTLE_PAIR_WINDOW: '6',
        THROTTLE_ACCOUNT_FAILURES: '100000',
        // Pooled sessions are made before the suite and live through it: here a sign-in vouches
        // for security changes all day; on the strict server for 20 seconds.
        REAUTH_WINDOW: '86400',
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_PORT}`,
        MAIL_FROM: 'Contact Cards <contacts@example.test>',
        // A name, not an IP address: passkeys take their relying party from APP_URL, and an IP
        // address cannot be one. The specs that use mail or passkeys browse this name too.
        APP_URL: `http://localhost:${port}`,
      }),
    },
    {
      command: `node ${SERVER_NODE_FLAGS.join(' ')} ${SERVER_ENTRY}`,
      url: `${STRICT_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        ...serverEnv(process.env.E2E_STRICT_DATA_DIR ?? 'data-e2e-strict', {
          PORT: String(strictPort),
          // Short enough for e2e/security-log.spec.ts to see a sign-in stop vouching.
          REAUTH_WINDOW: '20',
        }),
        // On PostgreSQL the strict server needs its own database, or main's sign-ins count against it.
        ...(process.env.E2E_STRICT_DATABASE_URL
          ? { DATABASE_URL: process.env.E2E_STRICT_DATABASE_URL }
          : {}),
      },
    },
  ],
});
