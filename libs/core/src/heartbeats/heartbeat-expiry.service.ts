import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Subject, type Observable } from 'rxjs';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PeriodicTask } from '../database/periodic-task.js';
import { ScheduledWork } from '../database/scheduled-work.js';
import { IntegrationHeartbeats } from '../integrations/integration-heartbeats.js';
import type { Integration } from '../integrations/integration.entity.js';
import { heartbeatMissedEvent, heartbeatResolvedEvent } from './heartbeat-alert-events.js';
import { HeartbeatAlerts } from './heartbeat-alerts.js';

export const DEFAULT_HEARTBEAT_SWEEP_MS = 30_000;

/**
 * A sweep that took a miss and has not opened its alert after this long stopped on the way (its
 * process died): another sweep takes the miss again. Storing one event takes far less, even when
 * the database is slow (a push query times out after 30 s).
 */
export const ABANDONED_CLAIM_MS = 120_000;

export interface HeartbeatSweepResult {
  /** Heartbeats due at or before this time were expired. */
  now: Date;
  /** Alerts this sweep opened for heartbeats that missed their beat. */
  opened: number;
  /** Alerts it resolved because their heartbeat was switched off. */
  resolved: number;
}

/**
 * Every `heartbeatSweepMs`, opens an alert for each enabled integration whose heartbeat's due
 * time has passed without a beat, and resolves those of heartbeats switched off meanwhile.
 *
 * Everything it decides by is in the database (the due time, the miss, the claim), so a restart
 * loses nothing and any number of processes may sweep: each miss is taken by one conditional
 * UPDATE, which one process wins; that process stores the alert's event, then marks the claim
 * done. A process that dies in between leaves a claim that another takes again after
 * `ABANDONED_CLAIM_MS`: the event it stores is the same one (same times), so it is a repeat if
 * the first one was stored after all.
 */
@Injectable()
export class HeartbeatExpiry extends ScheduledWork<HeartbeatSweepResult> {
  private readonly logger = new Logger('Heartbeat');
  protected readonly task: PeriodicTask<HeartbeatSweepResult>;
  private readonly finished = new Subject<HeartbeatSweepResult>();

  /** Each scheduled sweep once it finished: what the metrics count. */
  readonly sweeps: Observable<HeartbeatSweepResult> = this.finished.asObservable();

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    private readonly states: IntegrationHeartbeats,
    private readonly alerts: HeartbeatAlerts,
  ) {
    super();
    const intervalMs = options.heartbeatSweepMs ?? DEFAULT_HEARTBEAT_SWEEP_MS;
    this.task = new PeriodicTask({
      run: () => this.sweepAt(new Date()),
      firstDelayMs: intervalMs,
      intervalMs,
      onRun: (result) => this.finished.next(result),
      onFailure: (error) => this.logger.warn(`heartbeat sweep failed, retrying: ${String(error)}`),
    });
  }

  /** Stops the schedule; a sweep under way finishes before the database closes. */
  override onModuleDestroy(): Promise<void> {
    this.finished.complete();
    return super.onModuleDestroy();
  }

  /** Sweeps now, after a sweep in progress has finished. */
  sweep(): Promise<HeartbeatSweepResult> {
    return this.task.runNow();
  }

  private async sweepAt(now: Date): Promise<HeartbeatSweepResult> {
    const abandonedBefore = new Date(now.getTime() - ABANDONED_CLAIM_MS);
    let opened = 0;
    for (const integration of await this.states.expired(now, abandonedBefore)) {
      if (await this.isolated(integration, () => this.open(integration, now))) opened += 1;
    }
    let resolved = 0;
    for (const integration of await this.states.switchedOffWhileMissed()) {
      if (await this.isolated(integration, () => this.standDown(integration, now))) resolved += 1;
    }
    return { now, opened, resolved };
  }

  /** Opens the heartbeat alert of `integration` unless another process took its miss first. */
  private async open(integration: Integration, now: Date): Promise<boolean> {
    const missedAt = integration.heartbeatDueAt;
    if (missedAt === null || !(await this.states.claimExpiry(integration, now))) return false;
    try {
      await this.alerts.store(
        integration,
        heartbeatMissedEvent(integration, missedAt),
        now,
        randomUUID(),
      );
    } catch (error) {
      await this.states.releaseClaim(integration.id, now);
      throw error;
    }
    await this.states.settleClaim(integration.id, now);
    this.logger.log(`heartbeat missed: opened the alert of integration ${integration.id}`);
    return true;
  }

  /** Resolves the alert of a heartbeat switched off while it was open. */
  private async standDown(integration: Integration, now: Date): Promise<boolean> {
    const missedAt = integration.heartbeatMissedAt;
    if (missedAt === null || !(await this.states.claimStandDown(integration.id, missedAt))) {
      return false;
    }
    const end = { kind: 'switched_off', at: now } as const;
    try {
      await this.alerts.store(
        integration,
        heartbeatResolvedEvent(integration, missedAt, end),
        now,
        randomUUID(),
      );
    } catch (error) {
      await this.states.restoreMiss(integration.id, missedAt, integration.lastBeatAt);
      throw error;
    }
    return true;
  }

  /** One integration's failure is logged and leaves the others to be swept. */
  private async isolated(integration: Integration, work: () => Promise<boolean>): Promise<boolean> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn(`heartbeat of integration ${integration.id}: ${String(error)}`);
      return false;
    }
  }
}
