// The shape of the code: folders of each library and of the apps import in one direction.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'architecture',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
