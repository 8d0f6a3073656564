import { expect } from '@jest/globals';
import type { TestApp } from './test-app.js';

export interface CreatedIntegration {
  id: string;
  integrationKey: string;
  channelId: string | null;
  pluginId: string;
}

let channelCounter = 0;

/** Creates a channel over the admin API and returns its id. */
export async function createChannel(
  t: TestApp,
  name = `team-${++channelCounter}`,
): Promise<string> {
  const response = await t.admin.post('/api/v1/channels').send({ name });
  expect(response.status).toBe(201);
  return (response.body as { data: { id: string } }).data.id;
}

/** Creates a private integration bound to `channelId`. */
export async function createPrivateIntegration(
  t: TestApp,
  channelId: string,
  pluginId = 'prometheus',
): Promise<CreatedIntegration> {
  const response = await t.admin
    .post('/api/v1/integrations')
    .send({ name: `${pluginId} source`, pluginId, type: 'private', channelId });
  expect(response.status).toBe(201);
  return (response.body as { data: CreatedIntegration }).data;
}

/** Pushes a body to an integration's webhook, with the key in the URL. */
export function push(t: TestApp, integration: CreatedIntegration, body: unknown) {
  return t.http
    .post(`/webhooks/${integration.pluginId}`)
    .query({ integration_key: integration.integrationKey })
    .send(body as object);
}

/**
 * Pushes a body exactly as given, byte for byte, with any content type: supertest would otherwise
 * serialize a Buffer sent as JSON.
 */
export function pushRaw(
  t: TestApp,
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
