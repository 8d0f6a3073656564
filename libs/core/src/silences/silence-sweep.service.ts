import { Inject, Injectable, Logger } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { AlertSilenceMarks } from '../events/alert-silence-marks.js';
import { ActiveSilences } from './active-silences.js';

export const DEFAULT_SILENCE_SWEEP_MS = 60_000;

export interface SilenceSweepResult {
  /** Alerts still firing whose silence ended: visible again, `unsilencedAt` set. */
  unsilenced: number;
  /** Alerts whose silence ended while another in force still matches them: silenced by that. */
  moved: number;
}

/**
 * Every `silenceSweepMs`: writes when silences last matched, then finds the active alerts whose
 * silence has ended (its window closed, it expired or was ended) and makes them visible, once:
 * `silencedBy` null and `unsilencedAt` the sweep's time. An alert another silence in force still
 * matches (its latest firing event's labels, title, severity; its integration and channel) is
 * moved to that one instead. A firing event no silence matches un-silences its alert at once,
 * sweep or not; the sweep is for alerts whose source goes quiet, or sends only repeats rarely.
 */
@Injectable()
export class SilenceSweep extends ScheduledWork<SilenceSweepResult> {
  private readonly logger = new Logger('Silences');
  protected readonly task: PeriodicTask<SilenceSweepResult>;

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    private readonly active: ActiveSilences,
    private readonly marks: AlertSilenceMarks,
  ) {
    super();
    const intervalMs = options.silenceSweepMs ?? DEFAULT_SILENCE_SWEEP_MS;
    this.task = new PeriodicTask({
      run: () => this.sweep(new Date()),
      firstDelayMs: intervalMs,
      intervalMs,
      onRun: ({ unsilenced }) => {
        if (unsilenced > 0)
          this.logger.log(`${unsilenced} alerts un-silenced: their silence ended`);
      },
      onFailure: (error) => this.logger.warn(`silence sweep failed, retrying: ${String(error)}`),
    });
  }

  /** Sweeps now, after a run in progress has finished. */
  runNow(): Promise<SilenceSweepResult> {
    return this.task.runNow();
  }

  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await this.active.flushMatches().catch((error: unknown) => {
      this.logger.warn(`could not record when silences last matched: ${String(error)}`);
    });
  }

  private async sweep(now: Date): Promise<SilenceSweepResult> {
    await this.active.flushMatches();
    const index = await this.active.reload();
    const result: SilenceSweepResult = { unsilenced: 0, moved: 0 };
    for (let afterId = 0; !this.task.stopped;) {
      const alerts = await this.marks.silencedActive(afterId);
      const last = alerts.at(-1);
      if (last === undefined) break;
      afterId = last.id;
      const changes = new Map<string, { from: string; to: string | null; ids: number[] }>();
      for (const alert of alerts) {
        const subject = { ...alert, status: 'firing' as const };
        const to = index.forAlert(subject, now.getTime(), alert.silencedBy)?.id ?? null;
        if (to === alert.silencedBy) continue;
        const key = `${alert.silencedBy}\u0000${to ?? ''}`;
        const change = changes.get(key) ?? { from: alert.silencedBy, to, ids: [] };
        change.ids.push(alert.id);
        changes.set(key, change);
      }
      for (const { from, to, ids } of changes.values()) {
        const changed = await this.marks.reassign(ids, from, to, now);
        if (to === null) result.unsilenced += changed;
        else result.moved += changed;
      }
    }
    return result;
  }
}
