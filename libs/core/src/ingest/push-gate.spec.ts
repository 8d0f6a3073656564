import { describe, expect, it } from '@jest/globals';
import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error.js';
import type { Integration } from '../integrations/integration.entity.js';
import type { IntegrationsService } from '../integrations/integrations.service.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { PushGate } from './push-gate.js';

const INTEGRATION = {
  id: 'int-1',
  pluginId: 'prometheus',
  enabled: true,
  integrationKey: 'good-key',
} as Integration;

/** The keys the gate looked up, in order. */
let lookedUp: string[] = [];

function gate(integrations: Integration[] = [INTEGRATION]): PushGate {
  lookedUp = [];
  const plugins = {
    find: (id: string) =>
      id === 'prometheus' || id === 'grafana' ? ({ id } as IntegrationPlugin) : undefined,
  } as unknown as PluginRegistry;
  const service = {
    findByKey: (key: string) => {
      lookedUp.push(key);
      return Promise.resolve(integrations.find((i) => i.integrationKey === key) ?? null);
    },
  } as unknown as IntegrationsService;
  return new PushGate({} as HttpAdapterHost, plugins, service);
}

function request(
  pluginId: string,
  query: Record<string, unknown>,
  headers: Record<string, string> = {},
): FastifyRequest {
  return { params: { pluginId }, query, headers } as unknown as FastifyRequest;
}

const JSON_BODY = { 'content-type': 'application/json', 'content-length': '10' };

/** The status and code a request is refused with, or 'admitted'. */
async function outcome(pushGate: PushGate, pushed: FastifyRequest): Promise<string> {
  try {
    await pushGate.admit(pushed);
    return 'admitted';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return `${error.status} ${error.code}`;
  }
}

describe('PushGate', () => {
  it('admits a push whose key names an enabled integration of the plugin, JSON or no body', async () => {
    const pushGate = gate();
    const withBody = request('prometheus', { integration_key: 'good-key' }, JSON_BODY);
    expect(await outcome(pushGate, withBody)).toBe('admitted');
    expect(pushGate.admitted(withBody)).toBe(INTEGRATION);
    expect(pushGate.integrationOf(withBody)).toBe(INTEGRATION);
    expect(lookedUp).toEqual(['good-key']);
    const bearer = request('prometheus', {}, { authorization: 'Bearer good-key' });
    expect(await outcome(pushGate, bearer)).toBe('admitted');
  });

  it('refuses in order: plugin, key, integration, plugin mismatch, disabled, media type', async () => {
    const disabled = { ...INTEGRATION, integrationKey: 'off-key', enabled: false } as Integration;
    const pushGate = gate([INTEGRATION, disabled]);
    const cases: Array<[FastifyRequest, string]> = [
      [request('nope', { integration_key: 'good-key' }), '404 RouteNotFound'],
      [request('prometheus', {}), '401 Unauthorized'],
      [request('prometheus', { integration_key: ['a', 'b'] }), '400 InvalidParameter'],
      [request('prometheus', { integration_key: 'unknown' }), '401 Unauthorized'],
      [request('grafana', { integration_key: 'good-key' }), '409 PluginMismatch'],
      [request('prometheus', { integration_key: 'off-key' }), '403 IntegrationDisabled'],
      [
        request('prometheus', { integration_key: 'good-key' }, { 'content-length': '3' }),
        '415 InvalidContentType',
      ],
      [
        request(
          'prometheus',
          { integration_key: 'good-key' },
          { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
        ),
        '415 InvalidContentType',
      ],
    ];
    for (const [pushed, expected] of cases) {
      expect(await outcome(pushGate, pushed)).toBe(expected);
    }
  });

  it('remembers the integration a refused push named, for the push log', async () => {
    const pushGate = gate();
    const mismatch = request('grafana', { integration_key: 'good-key' });
    expect(await outcome(pushGate, mismatch)).toBe('409 PluginMismatch');
    expect(pushGate.integrationOf(mismatch)).toBe(INTEGRATION);
    expect(lookedUp).toEqual(['good-key']);
    const keyless = request('prometheus', {});
    await outcome(pushGate, keyless);
    expect(pushGate.integrationOf(keyless)).toBeUndefined();
    expect(() => pushGate.admitted(keyless)).toThrow('did not admit');
  });
});
