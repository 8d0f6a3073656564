import type { Severity } from '@alert-hub/plugin-sdk';
import { jsonColumn } from '../common/json-column.js';
import { Alert, type AlertStatus } from './alert.entity.js';
import type { PushToStore } from './normalized-event.js';
import type { EventRow } from './push-plan.js';

/**
 * The columns the push writers use, with the values in the same order. The writers use the
 * drivers directly (the hot path of ingestion), so these must match what TypeORM writes and reads
 * for the entities: times and JSON as each writer's `ColumnEncoding` binds them.
 */
export type SqlValue = string | number | null | Date;
export type EncodeTime = (date: Date) => SqlValue;
export type DecodeTime = (value: unknown) => Date;

/**
 * How a writer binds times and JSON columns. SQLite binds both as text. PostgreSQL's writer sends
 * rows as one JSON document, so JSON column values go in as they are and times as ISO text.
 * An event's raw JSON is encoded apart: it is bounded by its size as text (`storedRawJson`).
 */
export interface ColumnEncoding {
  time: EncodeTime;
  json: (value: unknown) => unknown;
  raw: (value: unknown) => unknown;
}

/** JSON columns as TypeORM writes them: JSON text, null for a missing value. */
export function jsonText(value: unknown): string | null {
  return jsonColumn.to(value) as string | null;
}

/**
 * `encode`, run once per distinct key: a writer makes one for each write, because the same time
 * (the time a push was received fills four columns of each event and its new alert) and the same
 * labels (a new alert's are its event's) come back column after column.
 */
export function encodedOnce<K, T>(encode: (value: K) => T, keyOf: (value: K) => unknown) {
  const encoded = new Map<unknown, T>();
  return (value: K): T => {
    const key = keyOf(value);
    if (encoded.has(key)) return encoded.get(key) as T;
    const text = encode(value);
    encoded.set(key, text);
    return text;
  };
}

export const ALERT_INSERT_COLUMNS = [
  'channel_id',
  'alert_key',
  'integration_id',
  'plugin_id',
  'status',
  'severity',
  'title',
  'description',
  'labels',
  'starts_at',
  'resolved_at',
  'last_event_at',
  'last_seen_at',
  'event_count',
  'repeat_count',
  'auto_resolve_at',
  'last_event_signature',
  'silenced_by',
  'unsilenced_at',
  'created_at',
  'updated_at',
] as const;

/** What folding an event can change: written for an alert an event was folded into. */
export const ALERT_UPDATE_COLUMNS = [
  'status',
  'severity',
  'title',
  'description',
  'labels',
  'resolved_at',
  'last_event_at',
  'last_seen_at',
  'event_count',
  'repeat_count',
  'auto_resolve_at',
  'last_event_signature',
  'silenced_by',
  'unsilenced_at',
  'updated_at',
] as const;

/**
 * What a repeat changes: written for an alert that only saw repeats. A repeat of an event that
 * never resolves moves its auto-resolve time; any other alert's stays null. A repeat silences or
 * un-silences an active alert as its event would (silences/README.md).
 */
export const ALERT_REPEAT_COLUMNS = [
  'repeat_count',
  'last_seen_at',
  'auto_resolve_at',
  'silenced_by',
  'unsilenced_at',
  'updated_at',
] as const;

export const EVENT_INSERT_COLUMNS = [
  'integration_id',
  'plugin_id',
  'channel_id',
  'alert_id',
  'alert_key',
  'status',
  'severity',
  'event_status',
  'source_severity',
  'title',
  'description',
  'labels',
  'annotations',
  'links',
  'starts_at',
  'ends_at',
  'event_time',
  'received_at',
  'request_id',
  'pipeline_steps',
  'silenced_by',
  'raw',
] as const;

/** The columns an alert is loaded with: all of them. */
export const ALERT_SELECT_COLUMNS = ['id', ...ALERT_INSERT_COLUMNS] as const;

type AlertColumn = (typeof ALERT_SELECT_COLUMNS)[number];

function nullableTime(date: Date | null, encodeTime: EncodeTime): SqlValue {
  return date === null ? null : encodeTime(date);
}

function alertValue(alert: Alert, column: AlertColumn, encoding: ColumnEncoding): unknown {
  const encodeTime = encoding.time;
  switch (column) {
    case 'id':
      return alert.id;
    case 'channel_id':
      return alert.channelId;
    case 'alert_key':
      return alert.alertKey;
    case 'integration_id':
      return alert.integrationId;
    case 'plugin_id':
      return alert.pluginId;
    case 'status':
      return alert.status;
    case 'severity':
      return alert.severity;
    case 'title':
      return alert.title;
    case 'description':
      return alert.description;
    case 'labels':
      return encoding.json(alert.labels);
    case 'starts_at':
      return nullableTime(alert.startsAt, encodeTime);
    case 'resolved_at':
      return nullableTime(alert.resolvedAt, encodeTime);
    case 'last_event_at':
      return encodeTime(alert.lastEventAt);
    case 'last_seen_at':
      return encodeTime(alert.lastSeenAt);
    case 'event_count':
      return alert.eventCount;
    case 'repeat_count':
      return alert.repeatCount;
    case 'auto_resolve_at':
      return nullableTime(alert.autoResolveAt, encodeTime);
    case 'last_event_signature':
      return alert.lastEventSignature;
    case 'silenced_by':
      return alert.silencedBy;
    case 'unsilenced_at':
      return nullableTime(alert.unsilencedAt, encodeTime);
    case 'created_at':
      return encodeTime(alert.createdAt);
    case 'updated_at':
      return encodeTime(alert.updatedAt);
  }
}

export function alertValues(
  alert: Alert,
  columns: readonly AlertColumn[],
  encoding: ColumnEncoding,
): unknown[] {
  return columns.map((column) => alertValue(alert, column, encoding));
}

export function eventValues(
  { event, channelId, alert, silencedBy }: EventRow,
  push: PushToStore,
  { time: encodeTime, json, raw }: ColumnEncoding,
): unknown[] {
  return [
    push.integrationId,
    push.pluginId,
    channelId,
    alert?.id ?? null,
    event.alertKey,
    event.status,
    event.severity,
    event.eventStatus,
    event.sourceSeverity,
    event.title,
    event.description,
    json(event.labels),
    json(event.annotations),
    json(event.links),
    nullableTime(event.startsAt, encodeTime),
    nullableTime(event.endsAt, encodeTime),
    encodeTime(event.eventTime),
    encodeTime(push.receivedAt),
    push.requestId,
    json(event.pipelineSteps),
    silencedBy,
    raw(event.raw),
  ];
}

function nullableDate(value: unknown, decodeTime: DecodeTime): Date | null {
  return value === null || value === undefined ? null : decodeTime(value);
}

/** An alert from a row of `ALERT_SELECT_COLUMNS`, as TypeORM would have hydrated it. */
export function alertFromRow(row: Record<string, unknown>, decodeTime: DecodeTime): Alert {
  const alert = new Alert();
  Object.assign(alert, {
    id: Number(row.id),
    channelId: row.channel_id as string,
    alertKey: row.alert_key as string,
    integrationId: row.integration_id as string,
    pluginId: row.plugin_id as string,
    status: row.status as AlertStatus,
    severity: row.severity as Severity,
    title: row.title as string,
    description: row.description as string | null,
    labels: jsonColumn.from(row.labels) as Record<string, string>,
    startsAt: nullableDate(row.starts_at, decodeTime),
    resolvedAt: nullableDate(row.resolved_at, decodeTime),
    lastEventAt: decodeTime(row.last_event_at),
    lastSeenAt: decodeTime(row.last_seen_at),
    eventCount: Number(row.event_count),
    repeatCount: Number(row.repeat_count),
    autoResolveAt: nullableDate(row.auto_resolve_at, decodeTime),
    lastEventSignature: row.last_event_signature as string,
    silencedBy: (row.silenced_by as string | null) ?? null,
    unsilencedAt: nullableDate(row.unsilenced_at, decodeTime),
    createdAt: decodeTime(row.created_at),
    updatedAt: decodeTime(row.updated_at),
  } satisfies Alert);
  return alert;
}
