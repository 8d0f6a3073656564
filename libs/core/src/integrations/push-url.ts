/** Where a source pushes: the plugin's webhook path with the integration key as a parameter. */
export function pushUrl(publicUrl: string, pluginId: string, integrationKey: string): string {
  return `${publicUrl}/webhooks/${pluginId}?integration_key=${encodeURIComponent(integrationKey)}`;
}
