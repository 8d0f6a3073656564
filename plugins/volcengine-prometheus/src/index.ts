export * from './volcengine-prometheus.module.js';
export * from './volcengine-prometheus.plugin.js';
