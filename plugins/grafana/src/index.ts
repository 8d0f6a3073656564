export * from './grafana.module.js';
export * from './grafana.plugin.js';
