// Where `npm run build` puts the compiled custom server (scripts/build.mjs): read by
// scripts/start.mjs and by every suite that starts a production server (test/support/env.mjs).
export const CUSTOM_SERVER_DIR = '.next/custom-server';
export const CUSTOM_SERVER_ENTRY = `${CUSTOM_SERVER_DIR}/server/index.js`;
