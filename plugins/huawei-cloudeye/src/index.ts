export * from './huawei-cloudeye.module.js';
export * from './huawei-cloudeye.plugin.js';
