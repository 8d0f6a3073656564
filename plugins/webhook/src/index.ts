export * from './webhook.module.js';
export * from './webhook.plugin.js';
