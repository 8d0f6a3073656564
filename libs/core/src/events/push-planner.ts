import type { AlertRecord, EventRecord, PushBatchPlan, PushPlanner } from '../storage/index.js';
import { Alert } from './alert.entity.js';
import type { PushSummary, PushToStore } from './normalized-event.js';
import { WritePlan, alertIdentities, alertsByIdentity, type EventRow } from './push-plan.js';
import { storedRawJson } from './stored-raw.js';

/** An event row as the storage layer writes it, its raw JSON already encoded and measured. */
export function eventRecord(
  { event, channelId, alert, silencedBy }: EventRow,
  push: PushToStore,
  raw: string,
) {
  return {
    integrationId: push.integrationId,
    pluginId: push.pluginId,
    channelId,
    alertId: alert?.id ?? null,
    alertKey: event.alertKey,
    status: event.status,
    severity: event.severity,
    eventStatus: event.eventStatus,
    sourceSeverity: event.sourceSeverity,
    title: event.title,
    description: event.description,
    labels: event.labels,
    annotations: event.annotations,
    links: event.links,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    eventTime: event.eventTime,
    receivedAt: push.receivedAt,
    requestId: push.requestId,
    pipelineSteps: event.pipelineSteps ?? null,
    silencedBy,
    raw,
  } satisfies EventRecord;
}

/**
 * How pushes become alert and event writes: the folding of `WritePlan`, for the storage layer's
 * writers to run inside their transactions.
 */
export function pushPlanner(maxEventRawBytes: number): PushPlanner<PushToStore, PushSummary> {
  return {
    identities: alertIdentities,
    plan(pushes: readonly PushToStore[], current: AlertRecord[]): PushBatchPlan<PushSummary> {
      const plan = new WritePlan(
        alertsByIdentity(current.map((record) => Object.assign(new Alert(), record))),
      );
      const results = pushes.map((push) => plan.add(push));
      return {
        ...plan.alertWrites(),
        results,
        events() {
          // An event routed to several channels is one raw JSON for all its rows.
          const raws = new Map<unknown, string>();
          return plan.rows.map(({ row, push }) => {
            let raw = raws.get(row.event.raw);
            if (raw === undefined) {
              raw = storedRawJson(row.event.raw, maxEventRawBytes);
              raws.set(row.event.raw, raw);
            }
            return eventRecord(row, push, raw);
          });
        },
      };
    },
  };
}
