export * from './nightingale.module.js';
export * from './nightingale.plugin.js';
