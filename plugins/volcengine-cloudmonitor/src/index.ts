export * from './volcengine-cloudmonitor.module.js';
export * from './volcengine-cloudmonitor.plugin.js';
