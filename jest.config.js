/** Test tiers by file suffix; `npm test` runs them all, `npm run test:<tier>` one. */
const tier = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/**/*.${name}.test.ts`],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  setupFiles: ['reflect-metadata'],
});

module.exports = {
  projects: [tier('unit'), tier('contract'), tier('api')],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
