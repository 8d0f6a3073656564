// Jest runs the TypeScript sources as native ES modules (NestJS 12 ships ESM only); SWC strips
// the types and keeps decorator metadata, which Nest's dependency injection needs.
// test/support/server-process loads the sources of the server processes it starts with these too.
export const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
      // Node refuses a JSON import without its `with { type: 'json' }` (plugin samples are one).
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@alert-hub/plugin-sdk$': '<rootDir>/libs/plugin-sdk/src/index.ts',
    '^@alert-hub/plugin-sdk/testing$': '<rootDir>/libs/plugin-sdk/src/testing/index.ts',
    '^@alert-hub/core$': '<rootDir>/libs/core/src/index.ts',
    '^@alert-hub/plugin-(.*)$': '<rootDir>/plugins/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // A test or hook of the e2e suites starts a whole server (migrations included), and the SQLite
  // and PostgreSQL runs share the CPUs (scripts/test-e2e.mjs): Jest's 5 s was too short for a
  // plain start-up beside the other run's browser tests. Set here: Jest 30 ignores it per project.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,plugins,scripts}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Builds dist/ once per run: some suites start the built server as a child process.
      globalSetup: '<rootDir>/test/support/build-server.ts',
    },
  ],
};
