import type { NormalizedEvent } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';

/** The `alertname` label of a heartbeat's alert: what routing rules can match it by. */
export const HEARTBEAT_ALERT_NAME = 'HeartbeatMissed';

/** The alert key of an integration's heartbeat alert: one per integration, documented. */
export function heartbeatAlertKey(integrationId: string): string {
  return `heartbeat:${integrationId}`;
}

/** Why a heartbeat's alert resolves: a beat came, or the heartbeat was switched off. */
export type HeartbeatEnd = { kind: 'beat'; at: Date } | { kind: 'switched_off'; at: Date };

/** The integration the alert is about, as the events describe it. */
type Watched = Pick<Integration, 'id' | 'name' | 'pluginId' | 'heartbeat' | 'lastBeatAt'>;

type Change =
  | { state: 'missed'; lastBeatAt: string | null }
  | { state: 'recovered' | 'switched_off'; at: string };

/**
 * The event that opens an integration's heartbeat alert: Critical, started at the due time that
 * passed without a beat. The same miss always makes the same event (times included), so a sweep
 * that stores it again, after its process stopped half-way, stores a repeat.
 */
export function heartbeatMissedEvent(integration: Watched, missedAt: Date): NormalizedEvent {
  const since =
    integration.lastBeatAt === null
      ? 'since its heartbeat was set'
      : `since ${integration.lastBeatAt.toISOString()}`;
  const expected =
    integration.heartbeat === null
      ? ''
      : ` (one is expected every ${integration.heartbeat.intervalSeconds} s, at most ` +
        `${integration.heartbeat.graceSeconds} s late)`;
  return {
    ...heartbeatEvent(integration, missedAt),
    status: 'firing',
    eventStatus: 'Critical',
    description: `No beat from ${integration.name} ${since}${expected}.`,
    endsAt: null,
    eventTime: missedAt,
    raw: heartbeatRaw(integration, missedAt, {
      state: 'missed',
      lastBeatAt: integration.lastBeatAt?.toISOString() ?? null,
    }),
  };
}

/** The event that resolves it: at the beat, or when the heartbeat was switched off. */
export function heartbeatResolvedEvent(
  integration: Watched,
  missedAt: Date,
  end: HeartbeatEnd,
): NormalizedEvent {
  const description =
    end.kind === 'beat'
      ? `${integration.name} beat again at ${end.at.toISOString()}.`
      : `The heartbeat of ${integration.name} was switched off at ${end.at.toISOString()}.`;
  return {
    ...heartbeatEvent(integration, missedAt),
    status: 'resolved',
    eventStatus: 'Ok',
    description,
    endsAt: end.at,
    eventTime: end.at,
    raw: heartbeatRaw(integration, missedAt, {
      state: end.kind === 'beat' ? 'recovered' : 'switched_off',
      at: end.at.toISOString(),
    }),
  };
}

type CommonFields = Omit<
  NormalizedEvent,
  'status' | 'eventStatus' | 'description' | 'endsAt' | 'eventTime' | 'raw'
>;

function heartbeatEvent(integration: Watched, missedAt: Date): CommonFields {
  return {
    severity: 'Critical',
    sourceSeverity: null,
    alertKey: heartbeatAlertKey(integration.id),
    title: `Heartbeat missed: ${integration.name}`,
    labels: {
      alertname: HEARTBEAT_ALERT_NAME,
      integration: integration.name,
      integration_id: integration.id,
    },
    annotations: {},
    links: null,
    startsAt: missedAt,
    neverResolves: false,
    pipelineSteps: null,
    keepsAlertTitle: false,
  };
}

/** The raw JSON stored with the event: the heartbeat as it was, since no source sent one. */
function heartbeatRaw(integration: Watched, missedAt: Date, change: Change): unknown {
  const { heartbeat } = integration;
  return {
    heartbeat: {
      ...change,
      integrationId: integration.id,
      integrationName: integration.name,
      pluginId: integration.pluginId,
      source: heartbeat?.source ?? null,
      intervalSeconds: heartbeat?.intervalSeconds ?? null,
      graceSeconds: heartbeat?.graceSeconds ?? null,
      missedAt: missedAt.toISOString(),
    },
  };
}
