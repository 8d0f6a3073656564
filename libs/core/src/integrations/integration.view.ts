import type { Integration, IntegrationType } from './integration.entity.js';
import { pushUrl } from './push-url.js';

/** An integration as the admin API shows it. */
export interface IntegrationView {
  id: string;
  name: string;
  description: string;
  pluginId: string;
  /** False when the integration's plugin is not enabled on this server: pushes to it answer 404. */
  pluginAvailable: boolean;
  type: IntegrationType;
  channelId: string | null;
  enabled: boolean;
  integrationKey: string;
  pushUrl: string;
  latestEventAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function integrationView(
  integration: Integration,
  publicUrl: string,
  pluginAvailable: boolean,
): IntegrationView {
  return {
    id: integration.id,
    name: integration.name,
    description: integration.description,
    pluginId: integration.pluginId,
    pluginAvailable,
    type: integration.type,
    channelId: integration.channelId,
    enabled: integration.enabled,
    integrationKey: integration.integrationKey,
    pushUrl: pushUrl(publicUrl, integration.pluginId, integration.integrationKey),
    latestEventAt: integration.latestEventAt,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}
