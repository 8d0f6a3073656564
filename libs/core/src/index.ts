export { CoreModule, type CoreModuleAsyncOptions } from './core.module.js';
export type { CoreOptions, DatabaseOptions } from './core-options.js';
export type { ConnectTo, OutboundOptions } from './outbound/outbound-options.js';
export { addressBlockProblem } from './outbound/address-policy.js';
export type { NotificationOptions } from './notifications/notification-options.js';
export { configureHttpApp, httpAdapterOptions } from './http/configure-http-app.js';
export { createLogger, type LogOptions } from './logging/create-logger.js';
export { setupApiDocs } from './api-docs/api-docs.js';
export { CONSOLE_PATH, serveConsole } from './console/serve-console.js';
