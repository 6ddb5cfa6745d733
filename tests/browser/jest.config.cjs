// Browser tests: the built API (serving the built admin app) driven through Chromium.
module.exports = {
  ...require('../../jest.preset.cjs'), // SWC transform, @tongban/* aliases (test-support)
  displayName: 'browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.browser.spec.ts'],
  testTimeout: 120000,
};
