import { describe, expect, it } from '@jest/globals';
import type { DiscoveryService, Reflector } from '@nestjs/core';
import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import { PluginRegistry } from './plugin-registry.js';
import { apiAnswerTo } from '../testing/api-answer.js';

function plugin(overrides: Partial<IntegrationPlugin> = {}): IntegrationPlugin {
  return {
    id: 'demo',
    name: 'Demo',
    description: 'demo source',
    severityMap: { fields: ['labels.severity'], values: { high: 'Critical' }, default: 'Warning' },
    docs: { setup: 'push to {{pushUrl}}', samples: {} },
    parse: () => [],
    ...overrides,
  };
}

function registry(): PluginRegistry {
  return new PluginRegistry({} as DiscoveryService, {} as Reflector);
}

describe('PluginRegistry', () => {
  it('serves registered plugins by id, and says what an unknown id means by how it was asked', async () => {
    const plugins = registry();
    const demo = plugin();
    plugins.register(demo);
    expect(plugins.get('demo')).toBe(demo);
    expect(plugins.pluginOf({ pluginId: 'demo' })).toBe(demo);
    expect(plugins.find('demo')).toBe(demo);

    const answerTo = async (call: () => unknown) =>
      (await apiAnswerTo(Promise.resolve().then(call))).slice(0, 2);
    expect(await answerTo(() => plugins.get('other'))).toEqual([404, 'NotFound']);
    expect(await answerTo(() => plugins.pluginOf({ pluginId: 'other' }))).toEqual([
      404,
      'PluginUnavailable',
    ]);
    expect(plugins.find('other')).toBeUndefined();
  });

  it('refuses two plugins with one id', () => {
    const plugins = registry();
    plugins.register(plugin({ name: 'First' }));
    expect(() => plugins.register(plugin({ name: 'Second' }))).toThrow(
      'another plugin (First) already has the id "demo"',
    );
  });

  it('refuses a severity map without a default and an id that is not kebab-case', () => {
    const broken = plugin({
      id: 'Not_Kebab',
      severityMap: { fields: ['labels.severity'], values: {}, default: undefined as never },
    });
    expect(() => registry().register(broken)).toThrow(/kebab-case.*severity map: default must be/);
  });

  it('accepts the body formats the core parses and refuses any other a plugin declares', () => {
    const plugins = registry();
    plugins.register(plugin({ id: 'form', contentTypes: ['application/x-www-form-urlencoded'] }));
    expect(plugins.find('form')?.contentTypes).toEqual(['application/x-www-form-urlencoded']);
    expect(() =>
      registry().register(plugin({ id: 'xml', contentTypes: ['application/xml'] })),
    ).toThrow('content type "application/xml" cannot be read');
  });

  it('refuses outbound hosts that are no patterns, and handshakes with nowhere to confirm them', () => {
    const plugins = registry();
    plugins.register(plugin({ id: 'sns', outboundHosts: ['sns.*.amazonaws.com'] }));
    expect(plugins.find('sns')?.outboundHosts).toEqual(['sns.*.amazonaws.com']);
    expect(() => registry().register(plugin({ outboundHosts: ['*.com'] }))).toThrow(
      'outbound host "*.com" must end in two labels that are names, not *',
    );
    const handshake = () => ({
      confirmUrl: 'https://a.example.com',
      messageId: 'm',
      description: 'd',
    });
    expect(() => registry().register(plugin({ handshake }))).toThrow(
      'it has handshakes to confirm but no outboundHosts to confirm them at',
    );
  });

  it('refuses a body schema that refers to schemas the OpenAPI document does not hold', () => {
    const plugins = registry();
    plugins.register(plugin({ id: 'own', bodySchema: { type: 'object' } }));
    expect(plugins.find('own')?.bodySchema).toEqual({ type: 'object' });
    expect(() =>
      registry().register(plugin({ bodySchema: { $ref: '#/components/schemas/Mine' } })),
    ).toThrow('the body schema refers elsewhere at $: it must be self-contained (no $ref)');
  });
});
