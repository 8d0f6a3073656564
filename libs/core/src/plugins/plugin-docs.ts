import {
  renderSeverityTable,
  type IntegrationPlugin,
  type SeverityMap,
} from '@alert-hub/plugin-sdk';

export interface PluginSummary {
  id: string;
  name: string;
  description: string;
  severityMap: SeverityMap;
}

export interface PluginDetail extends PluginSummary {
  docs: { setup: string; samples: Record<string, unknown> };
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
    docs: { setup: renderSetupGuide(plugin, pushUrl), samples: plugin.docs.samples },
  };
}
