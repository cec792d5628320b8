// For bench/ceiling.tsx, which runs lib/ server modules outside Next and renders with
// react-dom/server: `server-only` throws unless resolved with the react-server condition, and
// react-dom/server refuses that condition. This process is server code, so the marker is emptied.
const id = require.resolve('server-only', { paths: [process.cwd()] });
require.cache[id] = { id, filename: id, loaded: true, exports: {} };
// Components import their stylesheets (Next bundles them); this render needs none of it.
require.extensions['.css'] = () => {};
