/** The plugins the app ships with (apps/server/src/plugins.ts), by id. */
export const BUILT_IN_PLUGIN_IDS = ['prometheus', 'aliyun-prometheus', 'volcengine-prometheus'];
