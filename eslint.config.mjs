// Lint rules for the whole workspace. Module boundaries (ARCHITECTURE.md): libraries never
// import apps, a library is only reached through its public index (@tongban/<lib>), and the
// layering holds: core stands alone; catalog and tenancy stand on core; workflow on catalog,
// core and tenancy (their exported ports); insights on core and read models only.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Which library may stand on which (by the tags in each project.json). */
const LAYERING = [
  { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:core'] },
  { sourceTag: 'domain:tenancy', onlyDependOnLibsWithTags: ['layer:core'] },
  { sourceTag: 'domain:catalog', onlyDependOnLibsWithTags: ['layer:core'] },
  {
    sourceTag: 'domain:workflow',
    onlyDependOnLibsWithTags: ['layer:core', 'domain:catalog', 'domain:tenancy'],
  },
  { sourceTag: 'domain:insights', onlyDependOnLibsWithTags: ['layer:core', 'kind:read-model'] },
];

const boundaries = (libraryMayUse, allow = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: libraryMayUse },
      ...LAYERING.map((rule) => ({
        ...rule,
        onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, ...libraryMayUse.slice(1)],
      })),
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:test-support'] },
      { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'] },
    ],
  },
];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/.nx', '**/vite.config.*'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:lib']),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Service tests of a library run on a real database through the test support.
    files: ['libs/*/src/**/*.spec.ts', 'libs/*/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(
        ['type:lib', 'type:test-support'],
        ['@tongban/test-support'],
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
