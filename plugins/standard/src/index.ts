export * from './standard.module.js';
export * from './standard.plugin.js';
