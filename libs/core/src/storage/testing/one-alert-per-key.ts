import { rowsOf, type PushBatchContributor } from '../push-batch-contributor.js';
import type { PushPlanner } from '../push-batch.js';
import { Table } from '../table.js';
import type { AlertRecord } from '../tables/alerts.table.js';

/** A push of the writer tests: one event of one key. */
export interface KeyPush {
  alertKey: string;
}

const at = new Date('2026-11-01T10:00:00Z');

/**
 * A planner for the writers' tests, simpler than the domain's: each push opens the alert of its
 * key or counts one more event on it, and stores one event pointing at the alert.
 */
export const ONE_ALERT_PER_KEY: PushPlanner<KeyPush, 'opened' | 'changed'> = {
  identities: (pushes) =>
    pushes.map(({ alertKey }) => ({
      integrationId: 'integration-1',
      channelId: 'channel-1',
      alertKey,
    })),
  plan(pushes, current) {
    const byKey = new Map(current.map((alert) => [alert.alertKey, alert]));
    const opened: AlertRecord[] = [];
    const changed: AlertRecord[] = [];
    const touched: AlertRecord[] = [];
    const results = pushes.map(({ alertKey }) => {
      const existing = byKey.get(alertKey);
      if (existing) {
        existing.eventCount += 1;
        if (!opened.includes(existing) && !changed.includes(existing)) changed.push(existing);
        touched.push(existing);
        return 'changed' as const;
      }
      const alert = newAlert(alertKey);
      byKey.set(alertKey, alert);
      opened.push(alert);
      touched.push(alert);
      return 'opened' as const;
    });
    return {
      opened,
      changed,
      repeated: [],
      results,
      events: () =>
        touched.map((alert) => ({
          integrationId: alert.integrationId,
          pluginId: alert.pluginId,
          channelId: alert.channelId,
          alertId: alert.id,
          alertKey: alert.alertKey,
          status: 'firing' as const,
          severity: alert.severity,
          eventStatus: alert.severity,
          sourceSeverity: null,
          title: alert.title,
          description: null,
          labels: alert.labels,
          annotations: {},
          links: null,
          startsAt: at,
          endsAt: null,
          eventTime: at,
          receivedAt: at,
          requestId: 'request-1',
          pipelineSteps: null,
          silencedBy: null,
          raw: '{}',
        })),
    };
  },
};

function newAlert(alertKey: string): AlertRecord {
  return {
    // The writer gives it its id.
    id: undefined as unknown as number,
    channelId: 'channel-1',
    alertKey,
    integrationId: 'integration-1',
    pluginId: 'prometheus',
    status: 'active',
    severity: 'Warning',
    title: alertKey,
    description: null,
    labels: { alertname: alertKey },
    startsAt: at,
    resolvedAt: null,
    lastEventAt: at,
    lastSeenAt: at,
    eventCount: 1,
    repeatCount: 0,
    autoResolveAt: null,
    lastEventSignature: 'firing',
    silencedBy: null,
    unsilencedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** A transition row of the test contributor: what a notifications outbox would keep. */
export interface Transition {
  id?: number;
  alertId: number;
  status: string;
}

export const TRANSITIONS = new Table<Transition>('alert_transitions', {
  id: { name: 'id', kind: 'id' },
  alertId: { name: 'alert_id', kind: 'integer' },
  status: { name: 'status', kind: 'text' },
});

/** A contributor writing one transition per alert the batch opened or changed. */
export function transitionsOf(): PushBatchContributor {
  return {
    tables: [TRANSITIONS as Table<unknown>],
    contribute: ({ opened, changed }) => [
      rowsOf(TRANSITIONS, [
        ...opened.map((alert) => ({ alertId: alert.id, status: 'opened' })),
        ...changed.map((alert) => ({ alertId: alert.id, status: 'changed' })),
      ]),
    ],
  };
}
