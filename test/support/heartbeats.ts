import { expect } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { Integration } from '../../libs/core/src/integrations/integration.entity.js';
import type { CreatedIntegration } from './admin-fixtures.js';
import type { HttpClients } from './test-app.js';

export interface HeartbeatSeen {
  enabled: boolean;
  intervalSeconds: number;
  graceSeconds: number;
  source: string;
  conditions: unknown[];
  status: 'waiting' | 'ok' | 'missed' | 'off';
  lastBeatAt: string | null;
  dueAt: string | null;
  pingUrl: string;
}

export interface IntegrationWithHeartbeat extends CreatedIntegration {
  name: string;
  latestEventAt: string | null;
  heartbeat: HeartbeatSeen | null;
}

export interface AlertSeen {
  id: number;
  channelId: string;
  alertKey: string;
  status: 'active' | 'resolved';
  severity: string;
  title: string;
  startsAt: string;
  resolvedAt: string | null;
  eventCount: number;
  repeatCount: number;
}

/** Creates an integration with the given fields (a heartbeat among them) over the admin API. */
export async function createIntegration(
  t: HttpClients,
  fields: Record<string, unknown>,
): Promise<IntegrationWithHeartbeat> {
  const response = await t.admin
    .post('/api/v1/integrations')
    .send({ name: 'cron job', pluginId: 'prometheus', type: 'private', ...fields });
  expect(response.status).toBe(201);
  return response.body.data as IntegrationWithHeartbeat;
}

export async function integrationSeen(
  t: HttpClients,
  integrationId: string,
): Promise<IntegrationWithHeartbeat> {
  const response = await t.admin.get(`/api/v1/integrations/${integrationId}`);
  expect(response.status).toBe(200);
  return response.body.data as IntegrationWithHeartbeat;
}

/** GETs the integration's heartbeat URL, as a cron job would. */
export function ping(t: HttpClients, integration: CreatedIntegration) {
  return t.http
    .get(`/webhooks/${integration.pluginId}/heartbeat`)
    .query({ integration_key: integration.integrationKey });
}

/** The alerts of the integration's heartbeat, newest first. */
export async function heartbeatAlerts(t: HttpClients, integrationId: string): Promise<AlertSeen[]> {
  const response = await t.admin
    .get('/api/v1/alerts')
    .query({ alertKey: `heartbeat:${integrationId}`, integrationId });
  expect(response.status).toBe(200);
  return response.body.data as AlertSeen[];
}

/**
 * Moves every time the heartbeat's state holds `seconds` into the past, as if it had all happened
 * that long ago: the way to let a heartbeat expire without waiting for it.
 */
export async function ageHeartbeat(
  dataSource: DataSource,
  integrationId: string,
  seconds: number,
): Promise<void> {
  const integrations = dataSource.getRepository(Integration);
  const state = await integrations.findOneByOrFail({ id: integrationId });
  const earlier = (date: Date | null) => date && new Date(date.getTime() - seconds * 1000);
  await integrations.update(integrationId, {
    lastBeatAt: earlier(state.lastBeatAt),
    heartbeatDueAt: earlier(state.heartbeatDueAt),
    heartbeatMissedAt: earlier(state.heartbeatMissedAt),
    heartbeatClaimedAt: earlier(state.heartbeatClaimedAt),
  });
}
