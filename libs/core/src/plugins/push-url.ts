/** The path, under a plugin's webhook path, where a source beats an integration's heartbeat. */
export const HEARTBEAT_PATH = 'heartbeat';

/**
 * Where a source pushes: the plugin's webhook path with the integration key as a parameter. Keys
 * are base64url, so they need no escaping (and the docs' `<integration key>` placeholder stays
 * readable).
 */
export function pushUrl(publicUrl: string, pluginId: string, integrationKey: string): string {
  return `${publicUrl}/webhooks/${pluginId}?integration_key=${integrationKey}`;
}

/** Where a source pings the integration's heartbeat (source `ping`), GET or POST. */
export function pingUrl(publicUrl: string, pluginId: string, integrationKey: string): string {
  return `${publicUrl}/webhooks/${pluginId}/${HEARTBEAT_PATH}?integration_key=${integrationKey}`;
}
