export * from './aws-cloudwatch.module.js';
export * from './aws-cloudwatch.plugin.js';
