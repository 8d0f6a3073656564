import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// DESIGN.md §2: plugins -> plugin-sdk <- core <- apps/server. These rules keep the layers honest.
const pluginRestrictions = {
  patterns: [
    {
      group: ['@alert-hub/core', '@alert-hub/core/*'],
      message: 'A plugin depends on @alert-hub/plugin-sdk only.',
    },
    {
      group: ['@alert-hub/plugin-*', '!@alert-hub/plugin-sdk', '!@alert-hub/plugin-sdk/testing'],
      message: 'A plugin never imports another plugin.',
    },
    {
      group: ['**/libs/core/**', '**/apps/**'],
      message: 'A plugin depends on @alert-hub/plugin-sdk only.',
    },
  ],
};
const sdkRestrictions = {
  patterns: [
    {
      group: [
        '@alert-hub/core',
        '@alert-hub/plugin-*',
        '!@alert-hub/plugin-sdk',
        '**/libs/core/**',
        '**/plugins/*/src/**',
        '**/apps/**',
      ],
      message: 'The SDK depends on nothing of Alert Hub.',
    },
  ],
};
// The console is a browser app: it knows the server only through the API's OpenAPI types.
const consoleRestrictions = {
  patterns: [
    {
      group: ['@alert-hub/*', '**/libs/**', '**/plugins/**', '**/apps/server/**', 'node:*'],
      message: 'The console talks to the server through its HTTP API only (src/api).',
    },
  ],
};
const coreRestrictions = {
  patterns: [
    {
      group: [
        '@alert-hub/plugin-*',
        '!@alert-hub/plugin-sdk',
        '!@alert-hub/plugin-sdk/testing',
        '**/plugins/*/src/**',
      ],
      message: 'The core never imports a concrete plugin.',
    },
    { group: ['**/apps/**'], message: 'The core never imports the app.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '.tools/**',
      'jest.config.js',
      'eslint.config.js',
      'apps/console/src/api/openapi.d.ts',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  // Plain JavaScript modules (the hooks that run the sources in a server process) have no types.
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Nest resolves constructor parameters by their runtime class: these must stay value imports.
  {
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  { files: ['plugins/**/*.ts'], rules: { 'no-restricted-imports': ['error', pluginRestrictions] } },
  {
    files: ['libs/plugin-sdk/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sdkRestrictions] },
  },
  { files: ['libs/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictions] } },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', consoleRestrictions] },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
