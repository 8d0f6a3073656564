import { Injectable } from '@nestjs/common';
import type { IntegrationPlugin, PluginSettingValues } from '@alert-hub/plugin-sdk';
import { InvalidParameterError } from '../common/api-error.js';
import type { Integration } from '../integrations/integration.entity.js';
import { checkedSettings } from '../integrations/integration-settings.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import type { ReplaceMappingDto } from './dto/replace-mapping.dto.js';
import type { MappingView } from './mapping.view.js';

/** An integration whose plugin reads bodies through a mapping, and the setting that holds it. */
export interface MappedIntegration {
  integration: Integration;
  plugin: IntegrationPlugin;
  /** The name of the plugin's setting of kind `mapping`. */
  setting: string;
}

function mappingSettingOf(plugin: IntegrationPlugin): string | undefined {
  return plugin.settings?.find((setting) => setting.kind === 'mapping')?.name;
}

/**
 * The mapping of an integration whose plugin declares a setting of kind `mapping`: one of its
 * settings, served on its own and changed with the settings' version, as routes are.
 */
@Injectable()
export class IntegrationMappingService {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly plugins: PluginRegistry,
  ) {}

  async mapped(integrationId: string): Promise<MappedIntegration> {
    const integration = await this.integrations.get(integrationId);
    const plugin = this.plugins.pluginOf(integration);
    const setting = mappingSettingOf(plugin);
    if (setting === undefined) {
      const mapped = this.plugins.list().filter((candidate) => mappingSettingOf(candidate));
      throw new InvalidParameterError(
        `integration ${integrationId} is of plugin ${plugin.id}, which reads its source's own format and takes no mapping (plugins that do: ${mapped.map(({ id }) => id).join(', ') || 'none'})`,
        ['mapping applies to integrations of a plugin that reads a mapping'],
      );
    }
    return { integration, plugin, setting };
  }

  async get(integrationId: string): Promise<MappingView> {
    const { integration, setting } = await this.mapped(integrationId);
    const mapping = integration.settings[setting];
    return {
      version: integration.settingsVersion,
      mapping: typeof mapping === 'object' ? mapping : null,
    };
  }

  /** Replaces the mapping if the settings did not change since `dto.version` (409 otherwise). */
  async replace(integrationId: string, dto: ReplaceMappingDto): Promise<MappingView> {
    const mapped = await this.mapped(integrationId);
    const settings = this.settingsWith(mapped, dto.mapping);
    await this.integrations.writeSettings(mapped.integration, dto.version, settings);
    return { version: dto.version + 1, mapping: dto.mapping };
  }

  /** The integration's settings with a candidate mapping, checked: 400 naming each problem. */
  settingsWith(
    { integration, plugin, setting }: MappedIntegration,
    mapping: Readonly<Record<string, unknown>>,
  ): PluginSettingValues {
    return checkedSettings(plugin, { ...integration.settings, [setting]: mapping });
  }
}
