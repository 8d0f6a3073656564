import type { PluginSettingValues } from '@alert-hub/plugin-sdk';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json-column.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { RouteSet } from '../routing/route-set.js';
import type { HeartbeatSettings } from './heartbeat-settings.js';

export type IntegrationType = 'private' | 'shared';

/** A configured instance of a plugin: where one source pushes, with its own secret key. */
@Entity({ name: 'integrations' })
export class Integration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: IntegrationType;

  /** The channel of a private integration; null for a shared one. */
  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true })
  channelId!: string | null;

  /** The routing rules of a shared integration; null until first set (and for a private one). */
  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  routes!: RouteSet | null;

  /** Grows by one with each change of `routes`: what a change must name to win (409 if stale). */
  @Column({ name: 'routes_version', type: 'integer', default: 0 })
  routesVersion!: number;

  /** The processing pipeline every event goes through before routing; null until first set. */
  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  pipeline!: Pipeline | null;

  /** Grows by one with each change of `pipeline`: what a change must name to win (409 if stale). */
  @Column({ name: 'pipeline_version', type: 'integer', default: 0 })
  pipelineVersion!: number;

  /** Valid against its plugin's settings schema when saved; secrets in full (never shown so). */
  @Column({ type: 'text', transformer: jsonColumn })
  settings!: PluginSettingValues;

  /** How long an alert of events that never resolve stays active after its latest event. */
  @Column({ name: 'auto_resolve_after_seconds', type: 'integer' })
  autoResolveAfterSeconds!: number;
  /** Grows by one with each change of `settings`: what a change must name to win (409 if stale). */
  @Column({ name: 'settings_version', type: 'integer', default: 0 })
  settingsVersion!: number;

  /** The dead-man's switch; null when none was set. */
  @Column({ type: 'text', nullable: true, transformer: jsonColumn })
  heartbeat!: HeartbeatSettings | null;

  /**
   * The state of the heartbeat, written only by conditional UPDATEs of `IntegrationHeartbeats`
   * (and set at creation): a save of the whole entity would put back what it read earlier.
   */
  @Column({ name: 'last_beat_at', nullable: true, type: Date })
  lastBeatAt!: Date | null;

  /** A beat must come before this time; null while the heartbeat is off. */
  @Column({ name: 'heartbeat_due_at', nullable: true, type: Date })
  heartbeatDueAt!: Date | null;

  /** The due time that passed without a beat: its alert is open. Null while beats come in time. */
  @Column({ name: 'heartbeat_missed_at', nullable: true, type: Date })
  heartbeatMissedAt!: Date | null;

  /** When a sweep took the miss to open its alert; null once it is open. */
  @Column({ name: 'heartbeat_claimed_at', nullable: true, type: Date })
  heartbeatClaimedAt!: Date | null;

  @Column({ name: 'integration_key', type: 'varchar', length: 64 })
  integrationKey!: string;

  /** SHA-256 of the key: pushes are looked up by it, so the lookup never compares raw secrets. */
  @Column({ name: 'integration_key_hash', type: 'varchar', length: 64 })
  integrationKeyHash!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'latest_event_at', nullable: true, type: Date })
  latestEventAt!: Date | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
