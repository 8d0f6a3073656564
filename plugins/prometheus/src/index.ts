export * from './prometheus.module.js';
export * from './prometheus.plugin.js';
