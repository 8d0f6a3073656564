import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { WriteQueue } from '../storage/index.js';
import { Alert } from '../events/alert.entity.js';

export const DEFAULT_AUTO_RESOLVE_SWEEP_MS = 60_000;

export interface AutoResolveResult {
  /** Active alerts due at or before this time were resolved. */
  now: Date;
  alerts: number;
}

/**
 * Every `autoResolveSweepMs`, resolves the active alerts whose auto-resolve time has
 * passed (alerts of events that never resolve: events/auto-resolve.ts), at that time. The interval decides only how soon the alert lists show them
 * resolved: a push that finds such an alert treats it as resolved at its time already.
 *
 * One UPDATE per run, idempotent: a second run, in this process or another sharing the database,
 * finds nothing more to do. On PostgreSQL it skips the rows a push holds (the next run finds them
 * if they are still due), so it never waits for a push, and two runs never wait for each other;
 * on SQLite it takes its turn in the write queue. Whether it ran decides nothing for the events:
 * folding compares each event's time received with the alert's time (`settleAutoResolve`).
 */
@Injectable()
export class AlertAutoResolve extends ScheduledWork<AutoResolveResult> {
  private readonly logger = new Logger('AutoResolve');
  private readonly isPostgres: boolean;
  protected readonly task: PeriodicTask<AutoResolveResult>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CORE_OPTIONS) options: CoreOptions,
    private readonly writes: WriteQueue,
  ) {
    super();
    this.isPostgres = dataSource.options.type === 'postgres';
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

  private resolveDueAt(now: Date): Promise<AutoResolveResult> {
    const due = this.dataSource
      .createQueryBuilder()
      .subQuery()
      .select('due.id')
      .from(Alert, 'due')
      .where("due.status = 'active'")
      .andWhere('due.auto_resolve_at <= :now', { now });
    if (this.isPostgres) due.setLock('pessimistic_write').setOnLocked('skip_locked');
    return this.writes.run(async () => {
      const result = await this.dataSource
        .createQueryBuilder()
        .update(Alert)
        .set({
          status: 'resolved',
          resolvedAt: () => 'auto_resolve_at',
          updatedAt: () => 'auto_resolve_at',
        })
        .where(`id IN ${due.getQuery()}`)
        .setParameters(due.getParameters())
        .execute();
      return { now, alerts: result.affected ?? 0 };
    });
  }
}
