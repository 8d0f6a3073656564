import { ApiProperty } from '@nestjs/swagger';
import {
  PLUGIN_SETTING_KINDS,
  SEVERITIES,
  contentTypesOf,
  renderSeverityTable,
  type IntegrationPlugin,
  type PluginSetting,
  type PluginSettingKind,
  type PluginSettingValue,
  type Severity,
  type SeverityMap,
  type SeverityMapValue,
} from '@alert-hub/plugin-sdk';

/** The SDK's severity map, as the API documents it. */
class SeverityMapSchema implements SeverityMap {
  @ApiProperty({
    description: 'Where to look, in order',
    example: ['labels.severity', 'labels.priority'],
  })
  fields!: string[];

  @ApiProperty({
    description: 'Source value (case-insensitive) → severity; Ok means resolved',
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SEVERITIES, 'Ok'] },
    example: { critical: 'Critical', warning: 'Warning', ok: 'Ok' },
  })
  values!: Record<string, SeverityMapValue>;

  @ApiProperty({
    enum: SEVERITIES,
    enumName: 'Severity',
    description: 'When no field gives a known value',
  })
  default!: Severity;
}

/** The SDK's setting declaration, as the API documents it. */
class PluginSettingSchema implements PluginSetting {
  @ApiProperty({ example: 'hmacSecret' })
  name!: string;

  @ApiProperty({
    enum: PLUGIN_SETTING_KINDS,
    description:
      'secret: never shown back in full; mapping: an object in the mapping language, also at /api/v1/integrations/{id}/mapping',
  })
  kind!: PluginSettingKind;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({
    required: false,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  })
  default?: PluginSettingValue;
}

class PluginDocsSchema {
  @ApiProperty({ description: 'Markdown setup guide' })
  setup!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Sample payloads' })
  samples!: Record<string, unknown>;
}

export class PluginSummary {
  @ApiProperty({ example: 'prometheus' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: SeverityMapSchema })
  severityMap!: SeverityMap;
}

export class PluginDetail extends PluginSummary {
  @ApiProperty({
    description: 'The media types its pushes are read as; any other is answered 415',
    example: ['application/json'],
  })
  contentTypes!: readonly string[];

  @ApiProperty({
    description:
      'Hosts Alert Hub contacts for it (signing certificates, subscription confirmations), HTTPS ' +
      'on port 443, `*` one DNS label: what an egress firewall must let through. Empty for most',
    example: ['sns.*.amazonaws.com'],
  })
  outboundHosts!: readonly string[];

  @ApiProperty({
    type: [PluginSettingSchema],
    description: 'What an integration of this plugin can be configured with (`settings`)',
  })
  settings!: PluginSettingSchema[];

  @ApiProperty({ type: PluginDocsSchema })
  docs!: { setup: string; samples: Record<string, unknown> };
}

export function pluginSummary(plugin: IntegrationPlugin): PluginSummary {
  const { id, name, description, severityMap } = plugin;
  return { id, name, description, severityMap };
}

/** The setup guide with the push URL and the severity table filled in. */
export function renderSetupGuide(plugin: IntegrationPlugin, pushUrl: string): string {
  return plugin.docs.setup
    .replaceAll('{{pushUrl}}', pushUrl)
    .replaceAll('{{severityTable}}', renderSeverityTable(plugin.severityMap));
}

/** What a test push sends and a route preview reads when given no payload. */
export function firstSample(plugin: IntegrationPlugin): unknown {
  const [sample] = Object.values(plugin.docs.samples);
  return sample;
}

export function pluginDetail(plugin: IntegrationPlugin, pushUrl: string): PluginDetail {
  return {
    ...pluginSummary(plugin),
    contentTypes: contentTypesOf(plugin),
    outboundHosts: plugin.outboundHosts ?? [],
    settings: (plugin.settings ?? []).map((setting) => ({
      ...setting,
      required: setting.required === true,
    })),
    docs: { setup: renderSetupGuide(plugin, pushUrl), samples: plugin.docs.samples },
  };
}
