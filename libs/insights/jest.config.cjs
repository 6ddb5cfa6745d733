module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'insights',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Service tests (*.service.spec.ts) migrate a fresh database each: slower than unit tests.
  testTimeout: 60_000,
  maxWorkers: 2,
};
