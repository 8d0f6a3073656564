export * from './aliyun-prometheus.module.js';
export * from './aliyun-prometheus.plugin.js';
