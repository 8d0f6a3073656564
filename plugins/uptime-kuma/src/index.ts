export * from './uptime-kuma.module.js';
export * from './uptime-kuma.plugin.js';
