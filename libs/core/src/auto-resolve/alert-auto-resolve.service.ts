import { Inject, Injectable, Logger } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { settleAutoResolve } from '../events/auto-resolve.js';
import { HOT_WRITER, type HotWriter } from '../storage/index.js';

export const DEFAULT_AUTO_RESOLVE_SWEEP_MS = 60_000;

/** Alerts resolved per transaction: a sweep after a long stop takes several, none of them long. */
const SWEEP_BATCH = 500;

export interface AutoResolveResult {
  /** Active alerts due at or before this time were resolved. */
  now: Date;
  alerts: number;
}

/**
 * Every `autoResolveSweepMs`, resolves the active alerts whose auto-resolve time has passed
 * (alerts of events that never resolve: events/auto-resolve.ts), at that time. The interval
 * decides only how soon the alert lists show them resolved: a push that finds such an alert
 * treats it as resolved at its time already.
 *
 * It writes through the storage layer (`HotWriter.resolveDueAlerts`), so that what a push's
 * transitions cause (the notifications' outbox rows) commits with the resolution too. Idempotent:
 * a second run, in this process or another sharing the database, finds nothing more to do. On
 * PostgreSQL it skips the rows a push holds (the next run finds them if they are still due), so
 * it never waits for a push, and two runs never wait for each other; on SQLite it takes its turn
 * in the write queue. Whether it ran decides nothing for the events: folding compares each
 * event's time received with the alert's time (`settleAutoResolve`).
 */
@Injectable()
export class AlertAutoResolve extends ScheduledWork<AutoResolveResult> {
  private readonly logger = new Logger('AutoResolve');
  protected readonly task: PeriodicTask<AutoResolveResult>;

  constructor(
    @Inject(HOT_WRITER) private readonly writer: HotWriter,
    @Inject(CORE_OPTIONS) options: CoreOptions,
  ) {
    super();
    const intervalMs = options.autoResolveSweepMs ?? DEFAULT_AUTO_RESOLVE_SWEEP_MS;
    this.task = new PeriodicTask({
      run: () => this.resolveDueAt(new Date()),
      firstDelayMs: intervalMs,
      intervalMs,
      onRun: ({ alerts }) => {
        if (alerts > 0) this.logger.log(`auto-resolved ${alerts} alerts past their time`);
      },
      onFailure: (error) => this.logger.warn(`auto-resolve failed, retrying: ${String(error)}`),
    });
  }

  /** Resolves what is due now, after a run in progress has finished. */
  resolveExpired(): Promise<AutoResolveResult> {
    return this.task.runNow();
  }

  private async resolveDueAt(now: Date): Promise<AutoResolveResult> {
    let alerts = 0;
    for (;;) {
      const resolved = await this.writer.resolveDueAlerts(now, SWEEP_BATCH, (alert) =>
        settleAutoResolve(alert, now),
      );
      alerts += resolved;
      if (resolved < SWEEP_BATCH || this.task.stopped) return { now, alerts };
    }
  }
}
