import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, Not, IsNull } from 'typeorm';
import { HOT_WRITER, WriteQueue, type HotWriter } from '../storage/index.js';
import { Alert } from './alert.entity.js';

/** A silenced alert as the un-silencing sweep reads it: what its conditions and scope test. */
export type SilencedAlert = Pick<
  Alert,
  'id' | 'integrationId' | 'channelId' | 'labels' | 'title' | 'description' | 'severity'
> & { silencedBy: string };

/** Alerts read per query by the sweep. */
const SWEEP_BATCH = 500;

/**
 * The alerts' silence flags outside the push path: the sweep that un-silences alerts whose
 * silence has ended, and an admin silencing one alert. Pushes write the same columns through the
 * push writers (events/alert-silencing.ts decides them).
 */
@Injectable()
export class AlertSilenceMarks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    @Inject(HOT_WRITER) private readonly writer: HotWriter,
  ) {}

  /** Active silenced alerts, by id from `afterId` on, a batch at a time (the partial index). */
  async silencedActive(afterId: number): Promise<SilencedAlert[]> {
    const alerts = await this.dataSource.getRepository(Alert).find({
      select: {
        id: true,
        integrationId: true,
        channelId: true,
        labels: true,
        title: true,
        description: true,
        severity: true,
        silencedBy: true,
      },
      where: { status: 'active', silencedBy: Not(IsNull()), id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: SWEEP_BATCH,
    });
    return alerts.flatMap(({ silencedBy, ...alert }) =>
      silencedBy === null ? [] : [{ ...alert, silencedBy }],
    );
  }

  /**
   * Moves alerts still silenced by `from` to `to` (another silence in force), or makes them
   * visible (`to` null) as of `at`, through the storage layer: an alert made visible is
   * announced to subscriptions as an event un-silencing it would be. An alert a push changed
   * meanwhile (resolved, or silenced by another) is left to what the push decided. Returns how
   * many changed.
   */
  reassign(ids: readonly number[], from: string, to: string | null, at: Date): Promise<number> {
    return this.writer.changeSilencedAlerts(ids, from, (alert) => {
      alert.silencedBy = to;
      if (to === null) alert.unsilencedAt = at;
      alert.updatedAt = at;
    });
  }

  /** Silences one active alert now, as its next firing event would. False if it is not active. */
  async silence(alertId: number, silenceId: string, at: Date): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Alert)
        .set({ silencedBy: silenceId, updatedAt: at })
        .where({ id: alertId, status: 'active' })
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }
}
