// Jest runs every test: unit, API and browser (tests/e2e, real Chromium). Type-checking
// is done by `tsc --noEmit` in `npm test` before jest, so ts-jest only transpiles here.
// The store tests run on a real PostgreSQL: the global set-up starts a throw-away cluster
// (tests/postgres/throwawayCluster.ts) unless CLAIMGRAPH_TEST_DATABASE_URL names one.
// ES-module-only packages (any-ascii; linkedom's parser and selector engine): Node requires
// them as they are, jest's CommonJS runtime cannot, so ts-jest turns them into CommonJS.
const ES_MODULE_PACKAGES = [
  'any-ascii',
  'boolbase',
  'css-select',
  'css-what',
  'cssomnom',
  'dom-serializer',
  'domelementtype',
  'domhandler',
  'domutils',
  'entities',
  'htmlparser2',
  'nth-check',
  'uhyphen',
];
const esModules = `(${ES_MODULE_PACKAGES.join('|')})`;
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    [`/node_modules/${esModules}/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2023' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${esModules}/)`],
  testTimeout: 30000,
  globalSetup: '<rootDir>/tests/postgres/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/postgres/globalTeardown.ts',
};
