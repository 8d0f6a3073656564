import { api, must, type Schemas } from '../api/client';

/** The window of "recent" push counts. */
const HOUR_MS = 60 * 60 * 1000;
/** How far back a refused push still counts as recent. */
const REFUSED_WINDOW_MS = 24 * HOUR_MS;
const REFUSED_SHOWN = 10;

export type PushCounts = Record<Schemas['PushOutcome'], number>;

export interface IntegrationActivity {
  integration: Schemas['IntegrationView'];
  lastHour: PushCounts;
}

export interface RefusedPush {
  integration: Schemas['IntegrationView'];
  push: Schemas['PushLogView'];
}

export interface Overview {
  channels: Schemas['Channel'][];
  /** Display names of the sources, by plugin id. */
  pluginNames: Map<string, string>;
  activity: IntegrationActivity[];
  refused: RefusedPush[];
  active: Schemas['AlertCounts'];
}

async function refusedSince(id: string, since: number): Promise<Schemas['PushLogView'][]> {
  const page = await must(
    api.GET('/api/v1/integrations/{id}/pushes', {
      params: { path: { id }, query: { outcome: 'refused', limit: REFUSED_SHOWN } },
    }),
  );
  return page.data.filter((push) => Date.parse(push.receivedAt) >= since);
}

/** What the overview shows: counts from the server, and the latest refused pushes. */
export async function loadOverview(now: number): Promise<Overview> {
  const [integrations, channels, plugins, active, pushCounts] = await Promise.all([
    must(api.GET('/api/v1/integrations')),
    must(api.GET('/api/v1/channels')),
    must(api.GET('/api/v1/plugins')),
    must(api.GET('/api/v1/alerts/counts', { params: { query: { status: 'active' } } })),
    must(
      api.GET('/api/v1/push-log/counts', {
        params: { query: { since: new Date(now - HOUR_MS).toISOString() } },
      }),
    ),
  ]);
  const lastHourOf = (id: string): PushCounts => {
    const counts = pushCounts.data.find((integration) => integration.integrationId === id);
    return counts
      ? { accepted: counts.accepted, refused: counts.refused, failed: counts.failed }
      : { accepted: 0, refused: 0, failed: 0 };
  };
  const perIntegration = await Promise.all(
    integrations.data.map(async (integration) => ({
      integration,
      lastHour: lastHourOf(integration.id),
      refused: await refusedSince(integration.id, now - REFUSED_WINDOW_MS),
    })),
  );
  const refused = perIntegration
    .flatMap(({ integration, refused }) => refused.map((push) => ({ integration, push })))
    .sort((a, b) => b.push.receivedAt.localeCompare(a.push.receivedAt))
    .slice(0, REFUSED_SHOWN);
  return {
    channels: channels.data,
    pluginNames: new Map(plugins.data.map((plugin) => [plugin.id, plugin.name])),
    activity: perIntegration.map(({ integration, lastHour }) => ({ integration, lastHour })),
    refused,
    active: active.data,
  };
}
