import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';

import { WriteQueue } from '../database/write-queue.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { Integration } from '../integrations/integration.entity.js';
import { AlertEvent } from './alert-event.entity.js';
import { foldEvent } from './alert-folding.js';
import { Alert } from './alert.entity.js';
import type { NormalizedEvent, PushSummary, PushToStore } from './normalized-event.js';

/** Rows per INSERT statement: well under both databases' limits on bound parameters. */
const INSERT_CHUNK = 200;
/** Keys per lookup query, for the same reason. */
const LOOKUP_CHUNK = 500;
/** A push that lost a race for a new alert is replayed; it then folds into the winner's alert. */
const MAX_ATTEMPTS = 4;

interface EventRow {
  event: NormalizedEvent;
  channelId: string | null;
  alert: Alert | null;
}

function pairKey(channelId: string, alertKey: string): string {
  return `${channelId}\u0000${alertKey}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/**
 * Stores a push: every event row, the alerts they fold into, in one transaction. The promise
 * settles only after the commit, so a 2xx always means the events are on disk.
 */
@Injectable()
export class EventStore {
  private readonly logger = new Logger(EventStore.name);
  private readonly isPostgres: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.isPostgres = dataSource.options.type === 'postgres';
  }

  async store(push: PushToStore): Promise<PushSummary> {
    const attempt = () => this.dataSource.transaction((manager) => this.storeIn(manager, push));
    for (let attempts = 1; ; attempts++) {
      try {
        const summary = await this.writes.run(attempt);
        await this.touchIntegration(push);
        return summary;
      } catch (error) {
        if (attempts >= MAX_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }

  private async storeIn(manager: EntityManager, push: PushToStore): Promise<PushSummary> {
    const summary: PushSummary = {
      events: push.events.length,
      stored: 0,
      deduplicated: 0,
      unrouted: 0,
    };
    const alerts = await this.loadAlerts(manager, push);
    const rows: EventRow[] = [];
    const touched = new Set<Alert>();

    for (const { event, channelIds } of push.events) {
      if (channelIds.length === 0) {
        rows.push({ event, channelId: null, alert: null });
        summary.unrouted += 1;
        continue;
      }
      for (const channelId of channelIds) {
        const pair = pairKey(channelId, event.alertKey);
        const outcome = foldEvent(alerts.get(pair), event, {
          channelId,
          integrationId: push.integrationId,
          pluginId: push.pluginId,
          receivedAt: push.receivedAt,
        });
        if (outcome.alert) {
          alerts.set(pair, outcome.alert);
          touched.add(outcome.alert);
        }
        if (outcome.kind === 'repeat') summary.deduplicated += 1;
        else rows.push({ event, channelId, alert: outcome.alert });
      }
    }

    await this.saveAlerts(manager, touched);
    const entities = rows.map((row) => this.eventEntity(row, push));
    for (const chunk of chunks(entities, INSERT_CHUNK)) {
      // `raw` is any JSON the source sent, which TypeORM's insert typing cannot express.
      await manager.insert(AlertEvent, chunk as QueryDeepPartialEntity<AlertEvent>[]);
    }
    summary.stored = rows.length;
    return summary;
  }

  /**
   * For each (channel, key) of the push: the active alert, else the latest resolved one. On
   * PostgreSQL the active rows are locked, so concurrent pushes of one alert fold in turn.
   */
  private async loadAlerts(manager: EntityManager, push: PushToStore): Promise<Map<string, Alert>> {
    const alerts = new Map<string, Alert>();
    const keys = [
      ...new Set(push.events.filter((e) => e.channelIds.length > 0).map((e) => e.event.alertKey)),
    ];
    const channels = [...new Set(push.events.flatMap((e) => e.channelIds))];
    if (keys.length === 0) return alerts;

    for (const keyChunk of chunks(keys, LOOKUP_CHUNK)) {
      const active = manager
        .createQueryBuilder(Alert, 'alert')
        .where('alert.alert_key IN (:...keys)', { keys: keyChunk })
        .andWhere('alert.channel_id IN (:...channels)', { channels })
        .andWhere("alert.status = 'active'")
        .orderBy('alert.id', 'ASC');
      if (this.isPostgres) active.setLock('pessimistic_write');
      for (const alert of await active.getMany())
        alerts.set(pairKey(alert.channelId, alert.alertKey), alert);

      const latestResolved = await manager
        .createQueryBuilder(Alert, 'alert')
        .where((qb) => {
          const latest = qb
            .subQuery()
            .select('MAX(inner_alert.id)')
            .from(Alert, 'inner_alert')
            .where('inner_alert.alert_key IN (:...keys)')
            .andWhere('inner_alert.channel_id IN (:...channels)')
            .andWhere("inner_alert.status = 'resolved'")
            .groupBy('inner_alert.channel_id')
            .addGroupBy('inner_alert.alert_key')
            .getQuery();
          return `alert.id IN ${latest}`;
        })
        .setParameters({ keys: keyChunk, channels })
        .getMany();
      for (const alert of latestResolved) {
        const pair = pairKey(alert.channelId, alert.alertKey);
        if (!alerts.has(pair)) alerts.set(pair, alert);
      }
    }
    return alerts;
  }

  private async saveAlerts(manager: EntityManager, alerts: Set<Alert>): Promise<void> {
    for (const alert of alerts) {
      if (alert.id === undefined) {
        const result = await manager.insert(Alert, alert);
        alert.id = Number((result.identifiers[0] as { id: number | string }).id);
      } else {
        const { id, ...changes } = alert;
        await manager.update(Alert, { id }, changes);
      }
    }
  }

  private eventEntity({ event, channelId, alert }: EventRow, push: PushToStore): AlertEvent {
    const entity = new AlertEvent();
    Object.assign(entity, {
      integrationId: push.integrationId,
      pluginId: push.pluginId,
      channelId,
      alertId: alert?.id ?? null,
      alertKey: event.alertKey,
      status: event.status,
      severity: event.severity,
      eventStatus: event.eventStatus,
      sourceSeverity: event.sourceSeverity,
      title: event.title,
      description: event.description,
      labels: event.labels,
      annotations: event.annotations,
      links: event.links,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      eventTime: event.eventTime,
      receivedAt: push.receivedAt,
      requestId: push.requestId,
      raw: event.raw,
    } satisfies Omit<AlertEvent, 'id'>);
    return entity;
  }

  /**
   * Kept out of the push transaction: every push of an integration would otherwise queue on
   * this one row. It is a display value; failing to move it must not fail a stored push.
   */
  private async touchIntegration(push: PushToStore): Promise<void> {
    try {
      await this.dataSource
        .createQueryBuilder()
        .update(Integration)
        .set({ latestEventAt: push.receivedAt })
        .where('id = :id', { id: push.integrationId })
        .andWhere('(latest_event_at IS NULL OR latest_event_at < :at)', { at: push.receivedAt })
        .execute();
    } catch (error) {
      this.logger.warn(
        `could not record the latest event time of an integration: ${String(error)}`,
      );
    }
  }
}
