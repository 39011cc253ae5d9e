// The lint: it keeps the two flows one way (README, "How the code is laid out").
//   read:  files → load/ → graph/ → queries/, export/ → http/ → client
//   write: http/ → store/ → journal → the same load/ replay
// Each folder below lists what it must never import: the reverse arrows. The rules are
// ESLint's no-restricted-imports, generated for every folder from the table, so that a
// relative specifier is matched exactly (`../store/journal` from server/load/ is
// server/store/journal.ts; from server/load/sub/ the same folder is `../../store`).
// tests/lint/boundaries.test.ts shows each kind of forbidden import failing.
const fs = require('node:fs');
const path = require('node:path');
const tseslint = require('typescript-eslint');

const root = __dirname;

const SERVER_FOLDERS = [
  'model',
  'load',
  'graph',
  'queries',
  'export',
  'import',
  'ingest',
  'generate',
  'store',
  'http',
  'cli',
];
const server = (...folders) => folders.map((folder) => `server/${folder}`);
const everyServerFolderBut = (...allowed) => server(...SERVER_FOLDERS.filter((folder) => !allowed.includes(folder)));

/**
 * folder → what no file in it (or below it) may import, and why. `forbid`: folders (or a
 * module, without .ts) refused whole; `internals`: a folder's files refused but not its
 * public entry (index.ts); `onlyFrom`: of `onlyFrom.folder`, nothing but `allow`;
 * `selfContained`: nothing outside the folder at all.
 */
const boundaries = [
  {
    folder: 'server/model',
    selfContained: true,
    why: 'server/model/ imports nothing of ours: it is the schemas and rules everyone shares, the client included',
  },
  {
    folder: 'server/load',
    forbid: [...everyServerFolderBut('model', 'load'), 'server/index', 'client'],
    why: 'server/load/ starts the read flow: it reads the files and the journal the store wrote, and imports nothing of ours but server/model/ and server/paths.ts',
  },
  {
    folder: 'server/graph',
    forbid: [
      ...server('queries', 'export', 'import', 'ingest', 'generate', 'store', 'http', 'cli'),
      'server/index',
      'client',
    ],
    why: 'server/graph/ builds from what load/ gives it; queries, export, the store, http and the CLI come after it',
  },
  {
    folder: 'server/queries',
    forbid: [...server('store', 'http', 'cli'), 'server/index', 'client'],
    why: 'server/queries/ are pure functions of the graph: they never import http, the store or the CLI',
  },
  {
    folder: 'server/export',
    forbid: [...server('store', 'http', 'cli'), 'server/index', 'client'],
    why: 'server/export/ renders the graph: it never imports http, the store or the CLI',
  },
  {
    folder: 'server/import',
    forbid: [...server('http', 'cli'), 'server/index', 'client'],
    why: 'server/import/ turns other formats into a data folder: it never imports http or the CLI',
  },
  {
    folder: 'server/ingest',
    forbid: [...server('http', 'cli'), 'server/index', 'client'],
    why: 'server/ingest/ extracts claims from articles: it never imports http or the CLI',
  },
  {
    folder: 'server/generate',
    forbid: [...server('http', 'cli'), 'server/index', 'client'],
    why: 'server/generate/ writes synthetic data folders: it never imports http or the CLI',
  },
  {
    folder: 'server/store',
    forbid: [...server('http', 'cli'), 'server/index', 'client'],
    internals: ['server/load'],
    why: "server/store/ is the write path under http: it never imports http or the CLI, and replays through server/load/index.ts, not the loader's files",
  },
  {
    folder: 'server/http',
    forbid: [...server('cli'), 'server/index', 'client'],
    why: 'server/http/ serves the graph and takes writes: it never imports the CLI or the start-up module',
  },
  {
    folder: 'client/src',
    onlyFrom: { folder: 'server', allow: 'server/model' },
    why: 'the client imports only server/model/ from the server (the shared schemas and rules)',
  },
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every folder under `folder` (itself included), relative to the repository. */
function foldersUnder(folder) {
  const out = [folder];
  for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...foldersUnder(`${folder}/${entry.name}`));
  }
  return out;
}

/** The relative specifier that reaches `target` from a file in `from`, as an import writes it. */
function specifier(from, target) {
  const relative = path.posix.relative(from, target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function restrictionsFor(directory, boundary) {
  const message = `${boundary.why}.`;
  const patterns = [];
  if (boundary.selfContained) {
    // One `../` more than the folder's depth leaves it.
    const depth = path.posix.relative(boundary.folder, directory).split('/').filter(Boolean).length;
    patterns.push({ regex: `^(\\.\\./){${depth + 1}}`, message });
  }
  if (boundary.onlyFrom) {
    const outside = specifier(directory, boundary.onlyFrom.folder);
    const allowed = path.posix.relative(boundary.onlyFrom.folder, boundary.onlyFrom.allow);
    patterns.push({ regex: `^${escapeRegex(outside)}(?!/${escapeRegex(allowed)}(/|$))(/.*)?$`, message });
  }
  for (const target of boundary.forbid ?? []) {
    // `../store` and `../store/…`; for a file (server/index) also `../index`.
    patterns.push({ regex: `^${escapeRegex(specifier(directory, target))}(/.*)?$`, message });
  }
  for (const target of boundary.internals ?? []) {
    // `../load/readJournal` is refused, `../load` and `../load/index` are the public entry.
    patterns.push({ regex: `^${escapeRegex(specifier(directory, target))}/(?!index$).+$`, message });
  }
  return patterns;
}

const boundaryConfigs = boundaries.flatMap((boundary) =>
  foldersUnder(boundary.folder).map((directory) => ({
    name: `boundaries/${directory}`,
    files: [`${directory}/*.{ts,js}`],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictionsFor(directory, boundary) }] },
  })),
);

module.exports = [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.cache/**',
      'tests/bench/data/**',
      'tests/e2e/screenshots/**',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.{ts,js}'],
    rules: { 'no-throw-literal': 'error' },
  },
  ...boundaryConfigs,
];
