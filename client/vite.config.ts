// Builds the explorer into dist/client, which the server serves at /. In development
// (`npx vite --config client/vite.config.ts`) /api is proxied to a running server.
// Written as CommonJS because the package is CommonJS (no "type": "module"); Vite loads
// it natively that way without a warning.
const path = require('node:path');

const clientRoot = __dirname;

module.exports = {
  root: clientRoot,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(clientRoot, '../dist/client'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.CLAIMGRAPH_API ?? 'http://localhost:3000' },
  },
};
