import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PushOutcome } from '../ingest/push-record.js';
import type { PushLogRecord } from '../storage/index.js';

/** One push to an integration, accepted or not: the first place to look for a missing alert. */
@Entity({ name: 'push_log' })
export class PushLogEntry implements PushLogRecord {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'integration_id', type: 'varchar', length: 36 })
  integrationId!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId!: string;

  /** The plugin of the URL pushed to, which may not be the integration's (a 409 or 404). */
  @Column({ name: 'plugin_id', type: 'varchar', length: 64 })
  pluginId!: string;

  @Column({ name: 'received_at' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: PushOutcome;

  @Column({ name: 'http_status', type: 'integer' })
  httpStatus!: number;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;

  /** The counts of an accepted push; null for a refused or failed one. */
  @Column({ type: 'integer', nullable: true })
  events!: number | null;

  @Column({ type: 'integer', nullable: true })
  stored!: number | null;

  @Column({ type: 'integer', nullable: true })
  deduplicated!: number | null;

  @Column({ type: 'integer', nullable: true })
  unrouted!: number | null;

  /** Null also for the pushes logged before heartbeats were counted. */
  @Column({ type: 'integer', nullable: true })
  beats!: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  /** What the plugin or the core noted about the push: why it stored nothing, what it confirmed. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;
}
