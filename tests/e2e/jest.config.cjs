// End-to-end suites: the built API as a real process, on real PostgreSQL and Redis.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
};
