// Jest runs every test: unit, API and browser (tests/e2e, real Chromium). Type-checking
// is done by `tsc --noEmit` in `npm test` before jest, so ts-jest only transpiles here.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    // any-ascii is an ES module; Node requires it as one, jest's CommonJS runtime cannot.
    '/node_modules/any-ascii/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2023' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!any-ascii/)'],
  testTimeout: 30000,
};
