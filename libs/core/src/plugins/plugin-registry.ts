import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  INTEGRATION_PLUGIN_METADATA,
  bodySchemaProblems,
  outboundHostProblem,
  severityMapProblems,
  type IntegrationPlugin,
} from '@alert-hub/plugin-sdk';
import { PARSABLE_MEDIA_TYPES } from '../http/media-type.js';
import { PluginUnavailableError, UnknownPluginError } from './unknown-plugin.error.js';

const PLUGIN_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Every enabled plugin, by id. Filled at start from the providers marked with
 * `@IntegrationPluginProvider()`; refuses to start on a clash or an unusable plugin.
 */
@Injectable()
export class PluginRegistry implements OnModuleInit {
  private readonly plugins = new Map<string, IntegrationPlugin>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const metatype: unknown = wrapper.metatype;
      const instance: unknown = wrapper.instance;
      if (typeof metatype !== 'function' || !instance) continue;
      if (!this.reflector.get<boolean | undefined>(INTEGRATION_PLUGIN_METADATA, metatype)) continue;
      this.register(instance as IntegrationPlugin);
    }
  }

  register(plugin: IntegrationPlugin): void {
    const existing = this.plugins.get(plugin.id);
    if (existing === plugin) return;
    const problems = pluginProblems(plugin);
    if (existing)
      problems.push(`another plugin (${existing.name}) already has the id "${plugin.id}"`);
    if (problems.length > 0) {
      throw new Error(`plugin "${String(plugin.id)}" cannot be registered: ${problems.join('; ')}`);
    }
    this.plugins.set(plugin.id, plugin);
  }

  /**
   * The plugin a client named by id (`GET /api/v1/plugins/:id`); throws `UnknownPluginError`
   * (404 NotFound) when none is enabled.
   */
  get(pluginId: string): IntegrationPlugin {
    const plugin = this.plugins.get(pluginId);
    if (plugin === undefined) throw new UnknownPluginError(pluginId);
    return plugin;
  }

  /**
   * The plugin of a stored integration; throws `PluginUnavailableError` (404 PluginUnavailable)
   * when it is no longer enabled on this server.
   */
  pluginOf(integration: { readonly pluginId: string }): IntegrationPlugin {
    const plugin = this.plugins.get(integration.pluginId);
    if (plugin === undefined) throw new PluginUnavailableError(integration.pluginId);
    return plugin;
  }

  /**
   * The plugin with this id, or undefined: for a caller to whom an unknown id means something
   * other than the two errors above (a push URL that is no route, a field of a request body,
   * a metric's label), and which says so itself.
   */
  find(pluginId: string): IntegrationPlugin | undefined {
    return this.plugins.get(pluginId);
  }

  list(): IntegrationPlugin[] {
    return [...this.plugins.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

function pluginProblems(plugin: IntegrationPlugin): string[] {
  const problems: string[] = [];
  if (typeof plugin.id !== 'string' || !PLUGIN_ID_PATTERN.test(plugin.id)) {
    problems.push('its id must be kebab-case (lowercase letters, digits and dashes)');
  }
  if (typeof plugin.parse !== 'function') problems.push('it has no parse function');
  for (const mediaType of plugin.contentTypes ?? []) {
    if (!PARSABLE_MEDIA_TYPES.includes(mediaType)) {
      problems.push(
        `content type "${mediaType}" cannot be read; declare one of ${PARSABLE_MEDIA_TYPES.join(', ')}`,
      );
    }
  }
  for (const host of plugin.outboundHosts ?? []) {
    const problem = outboundHostProblem(host);
    if (problem !== undefined) problems.push(`outbound host ${problem}`);
  }
  if (plugin.handshake !== undefined && (plugin.outboundHosts ?? []).length === 0) {
    problems.push('it has handshakes to confirm but no outboundHosts to confirm them at');
  }
  problems.push(...severityMapProblems(plugin.severityMap).map((p) => `severity map: ${p}`));
  if (plugin.bodySchema !== undefined) problems.push(...bodySchemaProblems(plugin.bodySchema));
  const mappings = (plugin.settings ?? []).filter((setting) => setting.kind === 'mapping');
  if (mappings.length > 1) {
    problems.push('it declares more than one setting of kind mapping: the mapping API serves one');
  }
  if (typeof plugin.docs?.setup !== 'string' || plugin.docs.setup.trim() === '') {
    problems.push('it has no setup docs');
  }
  return problems;
}
