import { describe, expect, it } from '@jest/globals';
import type { IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Integration } from '../../integrations/integration.entity.js';
import type { EventsQueryService } from '../../events/events-query.service.js';
import type { IntegrationsService } from '../../integrations/integrations.service.js';
import type { PluginRegistry } from '../../plugins/plugin-registry.js';
import { RoutingService } from '../../routing/routing.service.js';
import type { IntegrationRoutesService } from '../../integrations/integration-routes.service.js';
import { testIntegration } from '../../testing/ingest-run.js';
import {
  INGEST_STEP_NAMES,
  PREVIEWED_STEP_NAMES,
  recordingFlow,
} from '../../testing/recording-ingest-flow.js';
import { IngestService } from '../ingest.service.js';
import { IntegrationTestController } from '../integration-test.controller.js';
import type { PushGate } from '../push-gate.js';
import { PushMonitor } from '../push-monitor.js';
import { RoutePreviewController } from '../route-preview.controller.js';
import { WebhookController } from '../webhook.controller.js';

// Every way into ingestion goes through the one IngestFlow: each entry point is built here on a
// flow that records its steps, and must have run all of them (or all previewed ones).

const SAMPLE = { alerts: [] };
const plugin = {
  id: 'test',
  docs: { samples: { firing: SAMPLE } },
  parse: () => [],
} as unknown as IntegrationPlugin;
const plugins = {
  find: () => plugin,
  get: () => plugin,
  pluginOf: () => plugin,
} as unknown as PluginRegistry;
const integration: Integration = testIntegration();
const request = { id: 'req-1', body: SAMPLE, headers: {} } as unknown as FastifyRequest;

function services(log: string[]) {
  const flow = recordingFlow(log);
  return { flow, ingest: new IngestService(plugins, new PushMonitor(), flow) };
}

describe('entry points of ingestion', () => {
  it('a source push to the webhook runs every step of the flow', async () => {
    const log: string[] = [];
    const gate = { admitted: () => integration } as unknown as PushGate;
    const controller = new WebhookController(services(log).ingest, gate);
    await controller.push('test', request, {} as FastifyReply);
    expect(log).toEqual(INGEST_STEP_NAMES.map((name) => `push:${name}`));
  });

  it("the admin's test push runs every step of the flow", async () => {
    const log: string[] = [];
    const integrations = {
      get: () => Promise.resolve(integration),
    } as unknown as IntegrationsService;
    const controller = new IntegrationTestController(services(log).ingest, integrations, plugins);
    await controller.test(integration.id, request);
    expect(log).toEqual(INGEST_STEP_NAMES.map((name) => `push:${name}`));
  });

  it('the route preview runs the previewed steps of the flow', async () => {
    const log: string[] = [];
    const routes = {
      sharedIntegration: () => Promise.resolve(integration),
    } as unknown as IntegrationRoutesService;
    const controller = new RoutePreviewController(
      services(log).ingest,
      routes,
      new RoutingService(),
      {} as EventsQueryService,
    );
    await controller.preview(integration.id, {}, request);
    expect(log).toEqual(PREVIEWED_STEP_NAMES.map((name) => `preview:${name}`));
  });
});
