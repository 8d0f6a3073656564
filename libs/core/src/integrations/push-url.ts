/**
 * Where a source pushes: the plugin's webhook path with the integration key as a parameter. Keys
 * are base64url, so they need no escaping (and the docs' `<integration key>` placeholder stays
 * readable).
 */
export function pushUrl(publicUrl: string, pluginId: string, integrationKey: string): string {
  return `${publicUrl}/webhooks/${pluginId}?integration_key=${integrationKey}`;
}
