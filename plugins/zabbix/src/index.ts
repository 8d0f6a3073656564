export * from './zabbix.module.js';
export * from './zabbix.plugin.js';
