import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { truncate } from '../events/event-limits.js';
import { PushMonitor } from '../ingest/push-monitor.js';
import type { PushRecord } from '../ingest/push-record.js';
import { HOT_WRITER, type HotWriter, type PushLogRecord } from '../storage/index.js';

/** Pushes kept per integration: each write drops the ones older than the latest this many. */
export const PUSH_LOG_KEPT = 1000;
/** Records waiting at most while the database is slow or away; the oldest go first. */
const MAX_PENDING = 10_000;
/** Entries per write at most: bounds how long one write holds SQLite's writer. */
const BATCH = 500;
/**
 * How long entries gather before they are written: one write (and one trim per integration) per
 * this many milliseconds, however many pushes arrive. Reading the log writes what waits at once.
 */
const GATHER_MS = 100;
/** How long entries wait before they are written again, after storage was unavailable. */
const RETRY_MS = 1_000;

function entryOf(record: PushRecord, integrationId: string): PushLogRecord {
  return {
    integrationId,
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
    beats: record.summary?.beats ?? null,
    durationMs: Math.round(record.durationMs),
    note: record.note === null ? null : truncate(record.note, 1000),
  };
}

/**
 * Writes every push that names an integration to the push log. It listens to PushMonitor and
 * writes after the push has answered, in batches: a push never waits for its log line, and a
 * log write that fails is reported here and never fails the push. While storage is unavailable
 * (a full disk, an outage), the entries wait and are written again: the pushes refused then are
 * the ones an operator looks for afterwards.
 */
@Injectable()
export class PushLogWriter implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('PushLog');
  private pending: PushLogRecord[] = [];
  private dropped = 0;
  /** Set while storage is unavailable: the entries wait for the next try. */
  private waitingForStorage = false;
  private stopping = false;
  private flushing: Promise<void> | null = null;
  /** Ends the gathering of the flush under way: what waits is written now. */
  private writeNow: (() => void) | null = null;
  private subscription: Subscription | null = null;

  constructor(
    @Inject(HOT_WRITER) private readonly store: Pick<HotWriter, 'appendPushLog'>,
    private readonly monitor: PushMonitor,
  ) {}

  onModuleInit(): void {
    this.subscription = this.monitor.pushes.subscribe((record) => this.enqueue(record));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    this.stopping = true;
    await this.settled();
  }

  /**
   * Writes what waits without further delay; resolves once it is written, or given up on, or
   * (unless the app is stopping) refused by storage in a write started here.
   */
  async settled(): Promise<void> {
    while (this.flushing !== null) {
      // A flush that is still gathering starts now; one already writing is awaited.
      const startedHere = this.writeNow !== null;
      this.writeNow?.();
      await this.flushing;
      if (startedHere && this.waitingForStorage && !this.stopping) return;
    }
  }

  private enqueue(record: PushRecord): void {
    const { integrationId } = record;
    // Without an integration (no key, an unknown key) there is no log to file the push in.
    if (integrationId === null) return;
    this.pending.push(entryOf(record, integrationId));
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped += 1;
    }
    this.flushing ??= this.flush();
  }

  /**
   * One write of what waited, after `delayMs` unless a full batch already waits (and storage is
   * not known to be unavailable).
   */
  private async flush(delayMs = GATHER_MS): Promise<void> {
    try {
      if (this.pending.length < BATCH || this.waitingForStorage) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          this.writeNow = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.writeNow = null;
      }
      const batch = this.pending.splice(0, BATCH);
      try {
        await this.store.appendPushLog(batch, PUSH_LOG_KEPT);
        this.waitingForStorage = false;
      } catch (error) {
        this.failed(batch, error);
      }
      if (this.dropped > 0) {
        this.logger.warn(`dropped ${this.dropped} push log entries while writes fell behind`);
        this.dropped = 0;
      }
    } finally {
      // What arrived during the write gathers for the next one.
      this.flushing =
        this.pending.length > 0 ? this.flush(this.waitingForStorage ? RETRY_MS : GATHER_MS) : null;
    }
  }

  /** A batch storage did not take waits for the next try, unless no retry would help. */
  private failed(batch: PushLogRecord[], error: unknown): void {
    if (this.stopping || !isDatabaseUnavailable(error)) {
      this.logger.warn(`could not write ${batch.length} push log entries: ${String(error)}`);
      return;
    }
    if (!this.waitingForStorage) {
      this.logger.warn(`push log entries wait, storage is unavailable: ${String(error)}`);
    }
    this.waitingForStorage = true;
    this.pending.unshift(...batch);
    const excess = this.pending.length - MAX_PENDING;
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.dropped += excess;
    }
  }
}
