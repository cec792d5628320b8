// Runs before `npm start`, `npm run dev` and `npm test` (their "pre" scripts): on a Node.js older
// than package.json's engines.node, stop at once with one line instead of a stack trace later.
// CommonJS and old syntax on purpose, so that any Node that can run npm can run it.
'use strict';
var engines = require('../package.json').engines.node; // e.g. ">=22.18"
var need = /(\d+)\.(\d+)/.exec(engines);
var have = process.versions.node.split('.').map(Number);
var major = Number(need[1]);
var minor = Number(need[2]);
if (have[0] < major || (have[0] === major && have[1] < minor)) {
  console.error(
    'Contact Cards needs Node.js ' +
      major +
      '.' +
      minor +
      ' or newer (24 LTS recommended); this is Node.js ' +
      process.versions.node +
      '.',
  );
  process.exit(1);
}
