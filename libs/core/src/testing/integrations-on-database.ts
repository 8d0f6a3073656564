import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { DiscoveryService, Reflector } from '@nestjs/core';
import { ChannelsService } from '../channels/channels.service.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { WriteQueue } from '../storage/index.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { sqliteMemoryDatabase } from './sqlite-memory-database.js';

/** A plugin with one setting of its own, for the settings and their version. */
export const SETTINGS_PLUGIN: IntegrationPlugin = {
  id: 'demo',
  name: 'Demo',
  description: 'a source for the tests',
  severityMap: { fields: ['labels.severity'], values: { high: 'Critical' }, default: 'Warning' },
  docs: { setup: 'push to {{pushUrl}}', samples: {} },
  settings: [{ name: 'region', kind: 'string', description: 'where the source runs' }],
  parse: () => [],
};

/** The admin services of integrations on a fresh in-memory database. */
export async function integrationsOnDatabase() {
  const dataSource = await sqliteMemoryDatabase();
  const plugins = new PluginRegistry({} as DiscoveryService, {} as Reflector);
  plugins.register(SETTINGS_PLUGIN);
  const writes = new WriteQueue(dataSource);
  const channels = new ChannelsService(dataSource, writes);
  const integrations = new IntegrationsService(dataSource, channels, plugins, writes);
  return { dataSource, channels, integrations, writes };
}
