export * from './aliyun-cloudmonitor.module.js';
export * from './aliyun-cloudmonitor.plugin.js';
