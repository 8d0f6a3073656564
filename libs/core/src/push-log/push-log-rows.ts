import type { EncodeTime, SqlValue } from '../events/push-columns.js';
import type { PushLogEntry } from './push-log-entry.entity.js';

/** A push log entry before the database gives it an id. */
export type NewPushLogEntry = Omit<PushLogEntry, 'id'>;

/** The columns the push log stores write, in the order of `pushLogValues`. */
export const PUSH_LOG_COLUMNS = [
  'integration_id',
  'request_id',
  'plugin_id',
  'received_at',
  'outcome',
  'http_status',
  'error_code',
  'error_message',
  'events',
  'stored',
  'deduplicated',
  'unrouted',
  'beats',
  'duration_ms',
  'note',
] as const;

/** An entry's values as TypeORM would have written them for `PushLogEntry`. */
export function pushLogValues(entry: NewPushLogEntry, encodeTime: EncodeTime): SqlValue[] {
  return [
    entry.integrationId,
    entry.requestId,
    entry.pluginId,
    encodeTime(entry.receivedAt),
    entry.outcome,
    entry.httpStatus,
    entry.errorCode,
    entry.errorMessage,
    entry.events,
    entry.stored,
    entry.deduplicated,
    entry.unrouted,
    entry.beats,
    entry.durationMs,
    entry.note,
  ];
}

/** The integrations whose logs the entries go to, each once. */
export function integrationIdsOf(entries: readonly NewPushLogEntry[]): Set<string> {
  return new Set(entries.map((entry) => entry.integrationId));
}
