// @ts-check
const path = require('node:path');
const { appRoutePatterns } = require('./lib/http/app-routes');

// Features the app never uses, turned off for it and for anything it might embed.
const permissionsPolicy = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  // Passkeys (WebAuthn) on the app's own pages only, never in a frame from elsewhere.
  .concat(['publickey-credentials-create=(self)', 'publickey-credentials-get=(self)'])
  .join(', ');

/** On every response, pages and files alike. The per-request CSP and HSTS come from middleware.ts. */
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: permissionsPolicy },
  // frame-ancestors does this for current browsers; this is for the ones before CSP 2.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

// The paths middleware.ts does not run on (its matcher) get a fixed policy: they serve files, and
// an HTML answer there (a 404) needs no script.
const filePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const filePaths = [
  '/_next/static/:path*',
  '/_next/image',
  '/favicon.ico',
  '/robots.txt',
  '/icon.svg',
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The app's routes, for middleware.ts (lib/auth/route-access.mts): every one of them but the named
  // public paths is protected, and any other path is a 404 for everyone. Read from app/ at build
  // time, so a new page is protected without anyone editing a list.
  env: { APP_ROUTE_PATTERNS: JSON.stringify(appRoutePatterns(path.join(__dirname, 'app'))) },
  // PGlite ships WASM and data files that it locates at run time; bundling it breaks those paths
  // (every query fails with ERR_INVALID_ARG_TYPE), so Next must load it from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  // Read from disk at start-up (the migrations, and the database thread's script): make sure a
  // traced deployment carries them.
  outputFileTracingIncludes: { '/*': ['./lib/db/migrations/**/*', './lib/db/pglite-worker.mjs'] },
  experimental: {
    serverActions: {
      // Next has one limit for every action, so it is the largest (imports: 5 MB of file). The
      // custom server (server/index.ts) holds every other path to a much smaller one.
      bodySizeLimit: '6mb',
    },
  },
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders },
      ...filePaths.map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: filePolicy }],
      })),
    ];
  },
};

module.exports = nextConfig;
