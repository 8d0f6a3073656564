import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { Integration } from '../integrations/integration.entity.js';
import { IngestRun, type IngestCandidates } from '../ingest/flow/ingest-run.js';
import type { Push } from '../ingest/push.js';

/** A shared integration of the `test` plugin, for unit tests of ingest steps. */
export function testIntegration(overrides: Partial<Integration> = {}): Integration {
  return {
    id: 'int-1',
    pluginId: 'test',
    type: 'shared',
    channelId: null,
    routes: null,
    routesVersion: 0,
    settings: {},
    heartbeat: null,
    autoResolveAfterSeconds: 3600,
    enabled: true,
    ...overrides,
  } as Integration;
}

/** A run of a push with `body`, as the webhook would start it; give only what the test needs. */
export function ingestRun(
  options: {
    integration?: Integration;
    plugin?: Partial<IntegrationPlugin>;
    push?: Partial<Push>;
    candidates?: IngestCandidates;
  } = {},
): IngestRun {
  const plugin = {
    id: 'test',
    severityMap: { fields: ['labels.severity'], values: {}, default: 'Warning' },
    parse: () => [],
    ...options.plugin,
  } as unknown as IntegrationPlugin;
  return new IngestRun(
    options.integration ?? testIntegration(),
    plugin,
    {
      pluginId: 'test',
      body: {},
      rawBody: undefined,
      headers: {},
      requestId: 'req-1',
      receivedAt: new Date('2026-11-01T10:00:00Z'),
      answeredByPlugin: true,
      ...options.push,
    },
    options.candidates,
  );
}
