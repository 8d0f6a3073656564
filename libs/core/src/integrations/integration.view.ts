import { ApiProperty } from '@nestjs/swagger';
import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import { INTEGRATION_TYPES } from './dto/create-integration.dto.js';
import { HeartbeatView, heartbeatView } from './heartbeat.view.js';
import type { Integration, IntegrationType } from './integration.entity.js';
import { settingsView, type SettingView } from './integration-settings.js';
import { pushUrl } from '../plugins/push-url.js';

/** An integration as the admin API shows it. */
export class IntegrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ maxLength: 100 })
  name!: string;

  @ApiProperty({ maxLength: 1000 })
  description!: string;

  @ApiProperty({ example: 'prometheus' })
  pluginId!: string;

  @ApiProperty({
    description: 'False when its plugin is not enabled on this server: pushes to it answer 404',
  })
  pluginAvailable!: boolean;

  @ApiProperty({ enum: INTEGRATION_TYPES })
  type!: IntegrationType;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The channel of a private integration; null for a shared one',
  })
  channelId!: string | null;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The plugin's settings; a secret is shown as {set: true}, never its value",
    example: { hmacSecret: { set: true }, timestampHeader: 'X-Grafana-Alerting-Timestamp' },
  })
  settings!: Record<string, SettingView>;

  @ApiProperty({
    type: 'integer',
    description:
      'Seconds an alert of events that never resolve (label resolves=never) stays active after its latest event',
  })
  autoResolveAfterSeconds!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Grows by one with each change of the settings; a PATCH or a PUT of the mapping may name it, and is refused (409) when it is stale',
  })
  settingsVersion!: number;

  @ApiProperty({
    type: () => HeartbeatView,
    nullable: true,
    description: "The dead-man's switch and its state; null when none is set",
  })
  heartbeat!: HeartbeatView | null;

  @ApiProperty({ description: 'The secret a source pushes with; rotate it to revoke it' })
  integrationKey!: string;

  @ApiProperty({
    description: 'Where the source pushes: PUBLIC_URL + /webhooks/{pluginId}?integration_key=…',
  })
  pushUrl!: string;

  @ApiProperty({ type: Date, nullable: true, description: 'Time received of the latest event' })
  latestEventAt!: Date | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export function integrationView(
  integration: Integration,
  publicUrl: string,
  plugin: IntegrationPlugin | undefined,
): IntegrationView {
  return {
    id: integration.id,
    name: integration.name,
    description: integration.description,
    pluginId: integration.pluginId,
    pluginAvailable: plugin !== undefined,
    type: integration.type,
    channelId: integration.channelId,
    enabled: integration.enabled,
    settings: settingsView(plugin, integration.settings),
    autoResolveAfterSeconds: integration.autoResolveAfterSeconds,
    settingsVersion: integration.settingsVersion,
    heartbeat: heartbeatView(integration, publicUrl),
    integrationKey: integration.integrationKey,
    pushUrl: pushUrl(publicUrl, integration.pluginId, integration.integrationKey),
    latestEventAt: integration.latestEventAt,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}
