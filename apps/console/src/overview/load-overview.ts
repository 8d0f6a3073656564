import { api, must, type Schemas } from '../api/client';

/** The window of "recent" push counts. */
const HOUR_MS = 60 * 60 * 1000;
/** How far back a refused push still counts as recent. */
const REFUSED_WINDOW_MS = 24 * HOUR_MS;
const REFUSED_SHOWN = 10;
/** Pages of the push log read while its entries are still within the hour. */
const PUSH_PAGE_SIZE = 200;
const ALERT_PAGE_SIZE = 500;
/**
 * Active alerts counted at most: the API has no count, so they are read page by page, and an
 * overview must not read a whole table into the browser.
 */
export const ALERTS_COUNTED = 2000;

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
  activity: IntegrationActivity[];
  refused: RefusedPush[];
  bySeverity: Map<Schemas['Severity'], number>;
  byChannel: Map<string, number>;
  activeCounted: number;
  /** More active alerts exist than were counted. */
  activeCut: boolean;
}

async function pushesOfLastHour(id: string, since: number): Promise<PushCounts> {
  const counts: PushCounts = { accepted: 0, refused: 0, failed: 0 };
  let cursor: string | undefined;
  for (;;) {
    const page = await must(
      api.GET('/api/v1/integrations/{id}/pushes', {
        params: { path: { id }, query: { limit: PUSH_PAGE_SIZE, cursor } },
      }),
    );
    const recent = page.data.filter((push) => Date.parse(push.receivedAt) >= since);
    for (const push of recent) counts[push.outcome] += 1;
    // Newest first: a page that reaches past the hour is the last one needed.
    if (recent.length < page.data.length || page.nextCursor === null) return counts;
    cursor = page.nextCursor;
  }
}

async function refusedSince(id: string, since: number): Promise<Schemas['PushLogView'][]> {
  const page = await must(
    api.GET('/api/v1/integrations/{id}/pushes', {
      params: { path: { id }, query: { outcome: 'refused', limit: REFUSED_SHOWN } },
    }),
  );
  return page.data.filter((push) => Date.parse(push.receivedAt) >= since);
}

async function activeAlerts(): Promise<{ alerts: Schemas['Alert'][]; cut: boolean }> {
  const alerts: Schemas['Alert'][] = [];
  let cursor: string | undefined;
  while (alerts.length < ALERTS_COUNTED) {
    const page = await must(
      api.GET('/api/v1/alerts', {
        params: { query: { status: 'active', limit: ALERT_PAGE_SIZE, cursor } },
      }),
    );
    alerts.push(...page.data);
    if (page.nextCursor === null) return { alerts, cut: false };
    cursor = page.nextCursor;
  }
  return { alerts, cut: true };
}

function tally<K>(keys: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** What the overview shows, from the list endpoints the API has (it has no counts of its own). */
export async function loadOverview(now: number): Promise<Overview> {
  const [integrations, channels, active] = await Promise.all([
    must(api.GET('/api/v1/integrations')),
    must(api.GET('/api/v1/channels')),
    activeAlerts(),
  ]);
  const perIntegration = await Promise.all(
    integrations.data.map(async (integration) => {
      const [lastHour, refused] = await Promise.all([
        pushesOfLastHour(integration.id, now - HOUR_MS),
        refusedSince(integration.id, now - REFUSED_WINDOW_MS),
      ]);
      return { integration, lastHour, refused };
    }),
  );
  const refused = perIntegration
    .flatMap(({ integration, refused }) => refused.map((push) => ({ integration, push })))
    .sort((a, b) => b.push.receivedAt.localeCompare(a.push.receivedAt))
    .slice(0, REFUSED_SHOWN);
  return {
    channels: channels.data,
    activity: perIntegration.map(({ integration, lastHour }) => ({ integration, lastHour })),
    refused,
    bySeverity: tally(active.alerts.map((alert) => alert.severity)),
    byChannel: tally(active.alerts.map((alert) => alert.channelId)),
    activeCounted: active.alerts.length,
    activeCut: active.cut,
  };
}
