export * from './tencent-cloud-monitor.module.js';
export * from './tencent-cloud-monitor.plugin.js';
