import type { EventLinks, EventSeverityStatus, EventStatus, Severity } from '@alert-hub/plugin-sdk';
import { Table } from '../table.js';

/** A step of an integration's pipeline that changed an event, as the event keeps it. */
export interface AppliedStepRecord {
  index: number;
  kind: string;
  name: string | null;
}

/** An event row as stored. `id` is the database's to give; `raw` is JSON text, already measured. */
export interface EventRecord {
  id?: number;
  integrationId: string;
  pluginId: string;
  channelId: string | null;
  alertId: number | null;
  alertKey: string;
  status: EventStatus;
  severity: Severity;
  eventStatus: EventSeverityStatus;
  sourceSeverity: string | null;
  title: string;
  description: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  links: EventLinks | null;
  startsAt: Date | null;
  endsAt: Date | null;
  eventTime: Date;
  receivedAt: Date;
  requestId: string;
  pipelineSteps: AppliedStepRecord[] | null;
  silencedBy: string | null;
  raw: string;
}

export const ALERT_EVENTS = new Table<EventRecord>('alert_events', {
  id: { name: 'id', kind: 'id' },
  integrationId: { name: 'integration_id', kind: 'text' },
  pluginId: { name: 'plugin_id', kind: 'text' },
  channelId: { name: 'channel_id', kind: 'text', nullable: true },
  alertId: { name: 'alert_id', kind: 'integer', nullable: true },
  alertKey: { name: 'alert_key', kind: 'text' },
  status: { name: 'status', kind: 'text' },
  severity: { name: 'severity', kind: 'text' },
  eventStatus: { name: 'event_status', kind: 'text' },
  sourceSeverity: { name: 'source_severity', kind: 'text', nullable: true },
  title: { name: 'title', kind: 'text' },
  description: { name: 'description', kind: 'text', nullable: true },
  labels: { name: 'labels', kind: 'json' },
  annotations: { name: 'annotations', kind: 'json' },
  links: { name: 'links', kind: 'json', nullable: true },
  startsAt: { name: 'starts_at', kind: 'time', nullable: true },
  endsAt: { name: 'ends_at', kind: 'time', nullable: true },
  eventTime: { name: 'event_time', kind: 'time' },
  receivedAt: { name: 'received_at', kind: 'time' },
  requestId: { name: 'request_id', kind: 'text' },
  pipelineSteps: { name: 'pipeline_steps', kind: 'json', nullable: true },
  silencedBy: { name: 'silenced_by', kind: 'text', nullable: true },
  raw: { name: 'raw', kind: 'json-text' },
});
