import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { PushMonitor } from '../ingest/push-monitor.js';
import type { PushRecord } from '../ingest/push-record.js';
import { roundMs } from './request-logging.js';

/**
 * One line per push, whatever its outcome: the first thing to read when an alert did not arrive.
 * Pushes the server failed (5xx) are warnings; accepted and refused ones are information.
 */
@Injectable()
export class PushLogger implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Push');
  private subscription?: Subscription;

  constructor(private readonly monitor: PushMonitor) {}

  onModuleInit(): void {
    this.subscription = this.monitor.pushes.subscribe((record) => this.write(record));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private write(record: PushRecord): void {
    // Field by field, not a spread of the summary: that costs V8 microseconds on every push.
    // The counts of a push without summary are undefined: pino leaves them out of the line.
    const { summary } = record;
    const line = {
      msg: `push ${record.outcome}`,
      requestId: record.requestId,
      plugin: record.pluginId,
      integrationId: record.integrationId,
      outcome: record.outcome,
      status: record.httpStatus,
      errorCode: record.errorCode,
      error: record.errorMessage,
      events: summary?.events,
      stored: summary?.stored,
      deduplicated: summary?.deduplicated,
      unrouted: summary?.unrouted,
      beats: summary?.beats,
      durationMs: roundMs(record.durationMs),
      note: record.note ?? undefined,
    };
    if (record.outcome === 'failed') this.logger.warn(line);
    else this.logger.log(line);
  }
}
