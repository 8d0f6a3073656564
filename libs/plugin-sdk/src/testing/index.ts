export * from './catch-payload-error.js';
export * from './expected-event.js';
export * from './fixture-cases.js';
export * from './plugin-contract.js';
export * from './signing-certificates-double.js';
export * from './test-signer.js';
