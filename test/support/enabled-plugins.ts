import type { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { INTEGRATION_PLUGIN_METADATA, type IntegrationPlugin } from '@alert-hub/plugin-sdk';
import { ENABLED_PLUGIN_MODULES } from '../../apps/server/src/plugins.js';

function isPluginClass(provider: unknown): provider is Type<IntegrationPlugin> {
  return (
    typeof provider === 'function' &&
    Reflect.getMetadata(INTEGRATION_PLUGIN_METADATA, provider) === true
  );
}

/**
 * The ids of the plugins the app ships with, read from the modules `apps/server/src/plugins.ts`
 * enables, so that registering a plugin is the only line a test needs to see it.
 */
export const ENABLED_PLUGIN_IDS: string[] = ENABLED_PLUGIN_MODULES.flatMap(
  (pluginModule) =>
    (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, pluginModule) ?? []) as unknown[],
)
  .filter(isPluginClass)
  .map((PluginClass) => new PluginClass().id);
