import { expect } from '@jest/globals';
import type { HttpClients } from './test-app.js';

export interface CreatedIntegration {
  id: string;
  integrationKey: string;
  channelId: string | null;
  pluginId: string;
  pushUrl: string;
}

let channelCounter = 0;

/** Creates a channel over the admin API and returns its id. */
export async function createChannel(
  t: HttpClients,
  name = `team-${++channelCounter}`,
): Promise<string> {
  const response = await t.admin.post('/api/v1/channels').send({ name });
  expect(response.status).toBe(201);
  return (response.body as { data: { id: string } }).data.id;
}

/** Creates a private integration bound to `channelId`, with the plugin's settings if given. */
export async function createPrivateIntegration(
  t: HttpClients,
  channelId: string,
  pluginId = 'prometheus',
  settings?: Readonly<Record<string, unknown>>,
): Promise<CreatedIntegration> {
  const response = await t.admin
    .post('/api/v1/integrations')
    .send({ name: `${pluginId} source`, pluginId, type: 'private', channelId, settings });
  expect(response.status).toBe(201);
  return (response.body as { data: CreatedIntegration }).data;
}

/** The push log entry of a push, by the request id its answer carried in X-Request-Id. */
export async function pushLogEntry(
  t: HttpClients,
  integrationId: string,
  requestId: string,
): Promise<Record<string, unknown> | undefined> {
  const log = await t.admin.get(`/api/v1/integrations/${integrationId}/pushes`);
  expect(log.status).toBe(200);
  const entries = (log.body as { data: Array<Record<string, unknown>> }).data;
  return entries.find((entry) => entry.requestId === requestId);
}

/** Pushes a body to an integration's webhook, with the key in the URL. */
export function push(t: HttpClients, integration: CreatedIntegration, body: unknown) {
  return t.http
    .post(`/webhooks/${integration.pluginId}`)
    .query({ integration_key: integration.integrationKey })
    .send(body as object);
}

/** Creates a shared integration: it routes by rules, starting with none. */
export async function createSharedIntegration(
  t: HttpClients,
  pluginId = 'prometheus',
): Promise<CreatedIntegration> {
  const response = await t.admin
    .post('/api/v1/integrations')
    .send({ name: `shared ${pluginId}`, pluginId, type: 'shared' });
  expect(response.status).toBe(201);
  return (response.body as { data: CreatedIntegration }).data;
}

export interface TestRouteSet {
  rules: Array<{
    name: string;
    conditions: Array<{ field: string; operator: string; value?: string; values?: string[] }>;
    channelIds: string[];
    continue?: boolean;
  }>;
  defaultChannelIds?: string[];
}

/** Replaces an integration's routes from the version it has now; expects success. */
export async function putRoutes(
  t: HttpClients,
  integrationId: string,
  routes: TestRouteSet,
): Promise<void> {
  const current = await t.admin.get(`/api/v1/integrations/${integrationId}/routes`);
  const { version } = (current.body as { data: { version: number } }).data;
  const response = await t.admin
    .put(`/api/v1/integrations/${integrationId}/routes`)
    .send({ version, ...routes });
  expect(response.status).toBe(200);
}

/**
 * Pushes a body exactly as given, byte for byte, with any content type: supertest would otherwise
 * serialize a Buffer sent as JSON.
 */
export function pushRaw(
  t: HttpClients,
  integration: CreatedIntegration,
  body: string | Buffer,
  contentType = 'application/json',
) {
  return t.http
    .post(`/webhooks/${integration.pluginId}`)
    .query({ integration_key: integration.integrationKey })
    .set('Content-Type', contentType)
    .serialize((data: unknown) => data as string)
    .send(body as string);
}
