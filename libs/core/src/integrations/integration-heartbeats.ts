import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  type QueryDeepPartialEntity,
  type Repository,
  type UpdateQueryBuilder,
} from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { heartbeatDueAt, type HeartbeatSettings } from './heartbeat-settings.js';
import { Integration } from './integration.entity.js';

/** What a beat did to the heartbeat's state. */
export type BeatOutcome =
  | { kind: 'recorded' }
  /** The beat ended a miss: the alert that opened at `missedAt` is to be resolved. */
  | { kind: 'recovered'; missedAt: Date }
  /** Nothing to record: the heartbeat is off, or a later beat is recorded already. */
  | { kind: 'ignored' };

/**
 * The heartbeat state of integrations, in their rows: every change is one conditional UPDATE, so
 * that of two processes (or a sweep and a push) acting on the same state exactly one succeeds,
 * and the database, not a process's memory, says who did. On SQLite each takes its turn in the
 * write queue.
 */
@Injectable()
export class IntegrationHeartbeats {
  private readonly integrations: Repository<Integration>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.integrations = dataSource.getRepository(Integration);
  }

  /**
   * Enabled integrations whose heartbeat's due time has passed and whose alert is not open yet:
   * never missed, or taken by a sweep before `abandonedBefore` that never finished (its process
   * stopped on the way).
   */
  expired(now: Date, abandonedBefore: Date): Promise<Integration[]> {
    return this.integrations
      .createQueryBuilder('integration')
      .where('integration.enabled = :enabled', { enabled: true })
      .andWhere('integration.heartbeat_due_at <= :now', { now })
      .andWhere(
        '(integration.heartbeat_missed_at IS NULL OR integration.heartbeat_claimed_at <= :abandonedBefore)',
        { abandonedBefore },
      )
      .orderBy('integration.heartbeat_due_at')
      .getMany();
  }

  /** Integrations whose heartbeat was switched off while its alert was open. */
  switchedOffWhileMissed(): Promise<Integration[]> {
    return this.integrations
      .createQueryBuilder('integration')
      .where('integration.heartbeat_missed_at IS NOT NULL')
      .andWhere('integration.heartbeat_due_at IS NULL')
      .getMany();
  }

  /**
   * Takes the expiry of `integration` (as `expired` read it) to open its alert; false when
   * another sweep took it, or a beat came, in between. The miss is dated at the due time.
   */
  claimExpiry(integration: Integration, claimedAt: Date): Promise<boolean> {
    const { id, heartbeatDueAt: dueAt, heartbeatClaimedAt: previousClaim } = integration;
    return this.changed(
      this.update({ heartbeatMissedAt: () => 'heartbeat_due_at', heartbeatClaimedAt: claimedAt })
        .where('id = :id', { id })
        .andWhere('heartbeat_due_at = :dueAt', { dueAt })
        .andWhere(
          previousClaim === null
            ? 'heartbeat_missed_at IS NULL'
            : 'heartbeat_claimed_at = :previousClaim',
          { previousClaim },
        ),
    );
  }

  /** The alert of the claimed miss is stored: the claim is done. */
  async settleClaim(integrationId: string, claimedAt: Date): Promise<void> {
    await this.changed(
      this.update({ heartbeatClaimedAt: null })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_claimed_at = :claimedAt', { claimedAt }),
    );
  }

  /** The alert of the claimed miss could not be stored: the next sweep tries again. */
  async releaseClaim(integrationId: string, claimedAt: Date): Promise<void> {
    await this.changed(
      this.update({ heartbeatMissedAt: null, heartbeatClaimedAt: null })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_claimed_at = :claimedAt', { claimedAt }),
    );
  }

  /**
   * Records a beat at `at`: one UPDATE while beats come in time. A beat after a miss ends it, and
   * only one beat does (the UPDATE that clears the miss it read).
   */
  async recordBeat(
    integrationId: string,
    heartbeat: HeartbeatSettings,
    at: Date,
  ): Promise<BeatOutcome> {
    const dueAt = heartbeatDueAt(heartbeat, at);
    const inTime = await this.changed(
      this.update({ lastBeatAt: at, heartbeatDueAt: dueAt })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_due_at IS NOT NULL')
        .andWhere('heartbeat_missed_at IS NULL')
        .andWhere('(last_beat_at IS NULL OR last_beat_at < :at)', { at }),
    );
    if (inTime) return { kind: 'recorded' };
    const state = await this.integrations.findOne({
      select: { id: true, heartbeatMissedAt: true },
      where: { id: integrationId },
    });
    const missedAt = state?.heartbeatMissedAt ?? null;
    if (missedAt === null) return { kind: 'ignored' };
    const recovered = await this.changed(
      this.update({
        lastBeatAt: at,
        heartbeatDueAt: dueAt,
        heartbeatMissedAt: null,
        heartbeatClaimedAt: null,
      })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_due_at IS NOT NULL')
        .andWhere('heartbeat_missed_at = :missedAt', { missedAt }),
    );
    return recovered ? { kind: 'recovered', missedAt } : { kind: 'ignored' };
  }

  /**
   * Takes the open miss of a heartbeat switched off, to resolve its alert; false when another
   * process took it, or the heartbeat was switched on again, in between.
   */
  claimStandDown(integrationId: string, missedAt: Date): Promise<boolean> {
    return this.changed(
      this.update({ heartbeatMissedAt: null, heartbeatClaimedAt: null })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_due_at IS NULL')
        .andWhere('heartbeat_missed_at = :missedAt', { missedAt }),
    );
  }

  /**
   * Puts back a miss whose resolution could not be stored (the push of the beat that ended it
   * failed, and its sender retries), unless a later beat came since: `lastBeatAt` is the latest
   * beat as the miss was ended.
   */
  async restoreMiss(integrationId: string, missedAt: Date, lastBeatAt: Date | null): Promise<void> {
    await this.changed(
      this.update({ heartbeatMissedAt: missedAt })
        .where('id = :id', { id: integrationId })
        .andWhere('heartbeat_missed_at IS NULL')
        .andWhere(lastBeatAt === null ? 'last_beat_at IS NULL' : 'last_beat_at = :lastBeatAt', {
          lastBeatAt,
        }),
    );
  }

  private update(values: QueryDeepPartialEntity<Integration>): UpdateQueryBuilder<Integration> {
    return this.dataSource.createQueryBuilder().update(Integration).set(values);
  }

  /** Runs the UPDATE in its turn; whether it changed a row. */
  private async changed(query: UpdateQueryBuilder<Integration>): Promise<boolean> {
    const result = await this.writes.run(() => query.execute());
    return (result.affected ?? 0) > 0;
  }
}
