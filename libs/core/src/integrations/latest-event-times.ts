import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { Integration } from './integration.entity.js';

/** An integration's latest event time is written at most this often by one process. */
const WRITE_INTERVAL_MS = 1_000;

interface Throttle {
  lastWriteAt: number;
  /** The latest time not written yet, with the timer that will write it. */
  pending?: { at: Date; timer: NodeJS.Timeout };
}

/**
 * Keeps `integrations.latest_event_at` up to date without a write per push: every push of an
 * integration would otherwise queue on its one row. The first push of a quiet integration is
 * written at once; pushes within the next second are written together at its end. It is a
 * display value: a failed write is logged, never failed into a stored push.
 */
@Injectable()
export class LatestEventTimes implements OnModuleDestroy {
  private readonly logger = new Logger(LatestEventTimes.name);
  /** One entry per integration that pushed since the start: as many as there are integrations. */
  private readonly throttles = new Map<string, Throttle>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  async record(integrationId: string, at: Date): Promise<void> {
    const now = Date.now();
    const throttle = this.throttles.get(integrationId);
    if (throttle === undefined || now - throttle.lastWriteAt >= WRITE_INTERVAL_MS) {
      if (throttle?.pending) clearTimeout(throttle.pending.timer);
      this.throttles.set(integrationId, { lastWriteAt: now });
      await this.write(integrationId, at);
      return;
    }
    if (throttle.pending) {
      if (throttle.pending.at < at) throttle.pending.at = at;
      return;
    }
    const timer = setTimeout(
      () => void this.writePending(integrationId),
      throttle.lastWriteAt + WRITE_INTERVAL_MS - now,
    );
    timer.unref();
    throttle.pending = { at, timer };
  }

  /** Writes what is still pending, so that a clean shutdown loses nothing. */
  async onModuleDestroy(): Promise<void> {
    const pending = [...this.throttles.keys()];
    await Promise.all(pending.map((integrationId) => this.writePending(integrationId)));
  }

  private async writePending(integrationId: string): Promise<void> {
    const throttle = this.throttles.get(integrationId);
    if (!throttle?.pending) return;
    const { at, timer } = throttle.pending;
    clearTimeout(timer);
    this.throttles.set(integrationId, { lastWriteAt: Date.now() });
    await this.write(integrationId, at);
  }

  private async write(integrationId: string, at: Date): Promise<void> {
    try {
      await this.writes.run(() =>
        this.dataSource
          .createQueryBuilder()
          .update(Integration)
          .set({ latestEventAt: at })
          .where('id = :id', { id: integrationId })
          .andWhere('(latest_event_at IS NULL OR latest_event_at < :at)', { at })
          .execute(),
      );
    } catch (error) {
      this.logger.warn(
        `could not record the latest event time of an integration: ${String(error)}`,
      );
    }
  }
}
