import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { WriteQueue } from '../database/write-queue.js';
import { truncate } from '../ingest/event-limits.js';
import { PushMonitor } from '../ingest/push-monitor.js';
import type { PushRecord } from '../ingest/push-record.js';
import { PushLogEntry } from './push-log-entry.entity.js';

/** Pushes kept per integration: each write drops the ones older than the latest this many. */
export const PUSH_LOG_KEPT = 1000;
/** Records waiting at most while the database is slow or away; the oldest go first. */
const MAX_PENDING = 10_000;
/** Rows per INSERT: well under both databases' limits on bound parameters. */
const BATCH = 200;

type IdentifiedPush = PushRecord & { integrationId: string };

function entryOf(record: IdentifiedPush): Omit<PushLogEntry, 'id'> {
  return {
    integrationId: record.integrationId,
    requestId: record.requestId,
    pluginId: truncate(record.pluginId, 64),
    receivedAt: record.receivedAt,
    outcome: record.outcome,
    httpStatus: record.httpStatus,
    errorCode: record.errorCode,
    errorMessage: record.errorMessage === null ? null : truncate(record.errorMessage, 1000),
    events: record.summary?.events ?? null,
    stored: record.summary?.stored ?? null,
    deduplicated: record.summary?.deduplicated ?? null,
    unrouted: record.summary?.unrouted ?? null,
    durationMs: Math.round(record.durationMs),
  };
}

/**
 * Writes every push that names an integration to the push log. It listens to PushMonitor and
 * writes after the push has answered, in batches: a push never waits for its log line, and a
 * log write that fails is reported here and never fails the push.
 */
@Injectable()
export class PushLogWriter implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('PushLog');
  private pending: IdentifiedPush[] = [];
  private dropped = 0;
  private flushing: Promise<void> | null = null;
  private subscription: Subscription | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly monitor: PushMonitor,
  ) {}

  onModuleInit(): void {
    this.subscription = this.monitor.pushes.subscribe((record) => this.enqueue(record));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.settled();
  }

  /** Resolves once every push announced so far is written, or given up on. */
  settled(): Promise<void> {
    return this.flushing ?? Promise.resolve();
  }

  private enqueue(record: PushRecord): void {
    const { integrationId } = record;
    // Without an integration (no key, an unknown key) there is no log to file the push in.
    if (integrationId === null) return;
    this.pending.push({ ...record, integrationId });
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped += 1;
    }
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      // Let the push's answer go out first.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH);
        try {
          await this.writes.run(() => this.write(batch));
        } catch (error) {
          this.logger.warn(`could not write ${batch.length} push log entries: ${String(error)}`);
        }
      }
      if (this.dropped > 0) {
        this.logger.warn(`dropped ${this.dropped} push log entries while writes fell behind`);
        this.dropped = 0;
      }
    } finally {
      this.flushing = null;
    }
  }

  private async write(batch: IdentifiedPush[]): Promise<void> {
    await this.dataSource.getRepository(PushLogEntry).insert(batch.map(entryOf));
    for (const integrationId of new Set(batch.map((record) => record.integrationId))) {
      await this.dataSource
        .createQueryBuilder()
        .delete()
        .from(PushLogEntry)
        .where('integration_id = :integrationId', { integrationId })
        .andWhere(
          `id < (SELECT kept.id FROM push_log kept WHERE kept.integration_id = :integrationId
                 ORDER BY kept.id DESC LIMIT 1 OFFSET :newerKept)`,
          { newerKept: PUSH_LOG_KEPT - 1 },
        )
        .execute();
    }
  }
}
