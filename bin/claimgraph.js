#!/usr/bin/env node
// The claimgraph command. The TypeScript sources are compiled to dist/ by `npm install`
// (the prepare script) or `npm run build`.
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'server', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('claimgraph: not built yet. Run `npm install` or `npm run build` in ' + path.join(__dirname, '..'));
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error('claimgraph: internal error:', error && error.message ? error.message : error);
    process.exitCode = 70;
  });
