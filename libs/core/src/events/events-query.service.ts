import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../common/api-error.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ListAlertsQuery } from './dto/list-alerts.query.js';
import type { ListEventsQuery } from './dto/list-events.query.js';
import type { ListQuery } from './dto/list-query.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** How many of an alert's events `GET /alerts/:id` returns, newest first. */
const ALERT_EVENTS_SHOWN = 100;

@Injectable()
export class EventsQueryService {
  private readonly isPostgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.isPostgres = dataSource.options.type === 'postgres';
  }

  async listEvents(
    query: ListEventsQuery,
    labels: Record<string, string>,
  ): Promise<Page<AlertEvent>> {
    const qb = this.dataSource.getRepository(AlertEvent).createQueryBuilder('row');
    this.applyFilters(qb, query, labels, 'received_at');
    if (query.status !== undefined) qb.andWhere('row.status = :status', { status: query.status });
    if (query.unrouted === true) qb.andWhere('row.channel_id IS NULL');
    if (query.unrouted === false) qb.andWhere('row.channel_id IS NOT NULL');
    return this.page(qb, query.limit);
  }

  async listAlerts(query: ListAlertsQuery, labels: Record<string, string>): Promise<Page<Alert>> {
    const qb = this.dataSource.getRepository(Alert).createQueryBuilder('row');
    this.applyFilters(qb, query, labels, 'created_at');
    if (query.status !== undefined) qb.andWhere('row.status = :status', { status: query.status });
    return this.page(qb, query.limit);
  }

  async getAlert(id: number): Promise<{ alert: Alert; events: AlertEvent[] }> {
    // Ids are positive and below 2^53; a larger number would overflow PostgreSQL's bigint.
    if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError('alert', String(id));
    const alert = await this.dataSource.getRepository(Alert).findOneBy({ id });
    if (!alert) throw new NotFoundError('alert', String(id));
    const events = await this.dataSource.getRepository(AlertEvent).find({
      where: { alertId: id },
      order: { id: 'DESC' },
      take: ALERT_EVENTS_SHOWN,
    });
    return { alert, events };
  }

  private applyFilters<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    query: ListQuery,
    labels: Record<string, string>,
    timeColumn: string,
  ): void {
    if (query.integrationId !== undefined) {
      qb.andWhere('row.integration_id = :integrationId', { integrationId: query.integrationId });
    }
    if (query.channelId !== undefined) {
      qb.andWhere('row.channel_id = :channelId', { channelId: query.channelId });
    }
    if (query.alertKey !== undefined)
      qb.andWhere('row.alert_key = :alertKey', { alertKey: query.alertKey });
    if (query.severity !== undefined)
      qb.andWhere('row.severity = :severity', { severity: query.severity });
    if (query.since !== undefined)
      qb.andWhere(`row.${timeColumn} >= :since`, { since: this.time(query.since) });
    if (query.until !== undefined)
      qb.andWhere(`row.${timeColumn} < :until`, { until: this.time(query.until) });
    if (query.cursor !== undefined)
      qb.andWhere('row.id < :cursor', { cursor: decodeCursor(query.cursor) });
    this.applyLabelFilters(qb, labels);
  }

  private applyLabelFilters<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    labels: Record<string, string>,
  ): void {
    if (Object.keys(labels).length === 0) return;
    if (this.isPostgres) {
      // Containment is what the GIN index on labels serves.
      qb.andWhere('row.labels @> CAST(:labels AS jsonb)', { labels: JSON.stringify(labels) });
      return;
    }
    // No index serves a label on SQLite: the rows are scanned newest first until the page is
    // full. `instr` on the stored JSON text skips most rows without parsing them (labels are
    // stored as JSON.stringify writes them); json_extract then decides.
    Object.entries(labels).forEach(([name, value], index) => {
      qb.andWhere(
        `instr(row.labels, :labelText${index}) > 0 AND ` +
          `json_extract(row.labels, :labelPath${index}) = :labelValue${index}`,
        {
          [`labelText${index}`]: `${JSON.stringify(name)}:${JSON.stringify(value)}`,
          [`labelPath${index}`]: `$."${name}"`,
          [`labelValue${index}`]: value,
        },
      );
    });
  }

  /** Times compare as stored: ISO strings on PostgreSQL, TypeORM's UTC text form on SQLite. */
  private time(date: Date): string {
    return this.isPostgres
      ? date.toISOString()
      : date.toISOString().replace('T', ' ').replace('Z', '');
  }

  private async page<T extends ObjectLiteral & { id: number }>(
    qb: SelectQueryBuilder<T>,
    limit: number,
  ): Promise<Page<T>> {
    const rows = await qb
      .orderBy('row.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const hasMore = rows.length > limit;
    const data = hasMore ? rows.slice(0, limit) : rows;
    const last = data.at(-1);
    return { data, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
  }
}
