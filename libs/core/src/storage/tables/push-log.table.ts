import { Table } from '../table.js';

/** One push to an integration as the push log keeps it. `id` is the database's to give. */
export interface PushLogRecord {
  id?: number;
  integrationId: string;
  requestId: string;
  /** The plugin of the URL pushed to, which may not be the integration's (a 409 or 404). */
  pluginId: string;
  receivedAt: Date;
  /** `PushOutcome` of the ingest: accepted, refused or failed. */
  outcome: string;
  httpStatus: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** The counts of an accepted push; null for a refused or failed one. */
  events: number | null;
  stored: number | null;
  deduplicated: number | null;
  unrouted: number | null;
  /** Null also for the pushes logged before heartbeats were counted. */
  beats: number | null;
  durationMs: number;
  /** What the plugin or the core noted about the push: why it stored nothing, what it confirmed. */
  note: string | null;
}

export const PUSH_LOG = new Table<PushLogRecord>('push_log', {
  id: { name: 'id', kind: 'id' },
  integrationId: { name: 'integration_id', kind: 'text' },
  requestId: { name: 'request_id', kind: 'text' },
  pluginId: { name: 'plugin_id', kind: 'text' },
  receivedAt: { name: 'received_at', kind: 'time' },
  outcome: { name: 'outcome', kind: 'text' },
  httpStatus: { name: 'http_status', kind: 'integer' },
  errorCode: { name: 'error_code', kind: 'text', nullable: true },
  errorMessage: { name: 'error_message', kind: 'text', nullable: true },
  events: { name: 'events', kind: 'integer', nullable: true },
  stored: { name: 'stored', kind: 'integer', nullable: true },
  deduplicated: { name: 'deduplicated', kind: 'integer', nullable: true },
  unrouted: { name: 'unrouted', kind: 'integer', nullable: true },
  beats: { name: 'beats', kind: 'integer', nullable: true },
  durationMs: { name: 'duration_ms', kind: 'integer' },
  note: { name: 'note', kind: 'text', nullable: true },
});
