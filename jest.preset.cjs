// Shared jest settings: TypeScript through SWC (with decorator metadata for NestJS) and the
// @tongban/* path aliases of tsconfig.base.json.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@tongban/(core|tenancy|catalog|workflow|insights)$': path.join(
      __dirname,
      'libs/$1/src/index.ts',
    ),
    '^@tongban/tenancy/testing$': path.join(__dirname, 'libs/tenancy/src/testing/index.ts'),
    '^@tongban/test-support$': path.join(__dirname, 'tests/support/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
