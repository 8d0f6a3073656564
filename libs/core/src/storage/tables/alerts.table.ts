import type { Severity } from '@alert-hub/plugin-sdk';
import { Table } from '../table.js';

export type AlertStatus = 'active' | 'resolved';

/** An alert as stored: the fields of the `Alert` entity, which implements it. */
export interface AlertRecord {
  id: number;
  channelId: string;
  alertKey: string;
  integrationId: string;
  pluginId: string;
  status: AlertStatus;
  severity: Severity;
  title: string;
  description: string | null;
  labels: Record<string, string>;
  startsAt: Date | null;
  resolvedAt: Date | null;
  lastEventAt: Date;
  lastSeenAt: Date;
  eventCount: number;
  repeatCount: number;
  autoResolveAt: Date | null;
  lastEventSignature: string;
  silencedBy: string | null;
  unsilencedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ALERTS = new Table<AlertRecord>('alerts', {
  id: { name: 'id', kind: 'id' },
  channelId: { name: 'channel_id', kind: 'text' },
  alertKey: { name: 'alert_key', kind: 'text' },
  integrationId: { name: 'integration_id', kind: 'text' },
  pluginId: { name: 'plugin_id', kind: 'text' },
  status: { name: 'status', kind: 'text' },
  severity: { name: 'severity', kind: 'text' },
  title: { name: 'title', kind: 'text' },
  description: { name: 'description', kind: 'text', nullable: true },
  labels: { name: 'labels', kind: 'json' },
  startsAt: { name: 'starts_at', kind: 'time', nullable: true },
  resolvedAt: { name: 'resolved_at', kind: 'time', nullable: true },
  lastEventAt: { name: 'last_event_at', kind: 'time' },
  lastSeenAt: { name: 'last_seen_at', kind: 'time' },
  eventCount: { name: 'event_count', kind: 'integer' },
  repeatCount: { name: 'repeat_count', kind: 'integer' },
  autoResolveAt: { name: 'auto_resolve_at', kind: 'time', nullable: true },
  lastEventSignature: { name: 'last_event_signature', kind: 'text' },
  silencedBy: { name: 'silenced_by', kind: 'text', nullable: true },
  unsilencedAt: { name: 'unsilenced_at', kind: 'time', nullable: true },
  createdAt: { name: 'created_at', kind: 'time' },
  updatedAt: { name: 'updated_at', kind: 'time' },
});

/** What folding an event can change: written for an alert an event was folded into. */
export const ALERT_FOLD_FIELDS = [
  'status',
  'severity',
  'title',
  'description',
  'labels',
  'resolvedAt',
  'lastEventAt',
  'lastSeenAt',
  'eventCount',
  'repeatCount',
  'autoResolveAt',
  'lastEventSignature',
  'silencedBy',
  'unsilencedAt',
  'updatedAt',
] as const satisfies readonly (keyof AlertRecord)[];

/**
 * What a repeat changes: written for an alert that only saw repeats. A repeat of an event that
 * never resolves moves its auto-resolve time; any other alert's stays null. A repeat silences or
 * un-silences an active alert as its event would (README, "Silences").
 */
export const ALERT_REPEAT_FIELDS = [
  'repeatCount',
  'lastSeenAt',
  'autoResolveAt',
  'silencedBy',
  'unsilencedAt',
  'updatedAt',
] as const satisfies readonly (keyof AlertRecord)[];
