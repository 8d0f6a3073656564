import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  In,
  type EntityTarget,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import type { Severity } from '@alert-hub/plugin-sdk';
import { NotFoundError } from '../common/api-error.js';
import type { AlertEventDetail } from './alert-event-detail.view.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ListAlertsQuery } from './dto/list-alerts.query.js';
import type { ListEventsQuery } from './dto/list-events.query.js';
import type { ListQuery } from './dto/list-query.js';
import type { CountAlertsQuery } from './dto/count-alerts.query.js';
import type { AlertCounts } from './alert-counts.view.js';
import { rowsWithinPage, type RowSize } from './page-bytes.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** How many of an alert's events `GET /alerts/:id` returns at most, newest first. */
export const ALERT_EVENTS_SHOWN = 100;

/** The columns whose size varies from row to row: what a page's weight is measured by. */
const EVENT_TEXT_COLUMNS = [
  'alert_key',
  'title',
  'description',
  'source_severity',
  'labels',
  'annotations',
  'links',
];
const ALERT_TEXT_COLUMNS = ['alert_key', 'title', 'description', 'labels'];

/** A list's filters; a count has no page to continue from. */
type ListFilters = Omit<ListQuery, 'limit' | 'cursor'> & { cursor?: string };

interface AlertCountRow {
  channelId: string;
  severity: Severity;
  count: number | string;
}

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
    return this.page(AlertEvent, qb, query.limit, EVENT_TEXT_COLUMNS);
  }

  async listAlerts(query: ListAlertsQuery, labels: Record<string, string>): Promise<Page<Alert>> {
    const qb = this.dataSource.getRepository(Alert).createQueryBuilder('row');
    this.applyAlertFilters(qb, query, labels);
    return this.page(Alert, qb, query.limit, ALERT_TEXT_COLUMNS);
  }

  /**
   * One GROUP BY (channel, severity) gives both tallies: its rows are at most channels × 3.
   * `status = 'active'` is served by the index `(status, created_at)`, which also serves
   * `since`/`until`; no index holds severity, which changes as an alert escalates and would cost
   * every such update a new index entry.
   */
  async countAlerts(query: CountAlertsQuery, labels: Record<string, string>): Promise<AlertCounts> {
    const qb = this.dataSource.getRepository(Alert).createQueryBuilder('row');
    this.applyAlertFilters(qb, query, labels);
    const rows = await qb
      .select('row.channel_id', 'channelId')
      .addSelect('row.severity', 'severity')
      .addSelect('COUNT(*)', 'count')
      .groupBy('row.channel_id')
      .addGroupBy('row.severity')
      .getRawMany<AlertCountRow>();
    const bySeverity = { Critical: 0, Warning: 0, Info: 0 };
    const byChannel = new Map<string, number>();
    for (const row of rows) {
      // PostgreSQL's COUNT is a bigint, which its driver hands over as text.
      const count = Number(row.count);
      bySeverity[row.severity] += count;
      byChannel.set(row.channelId, (byChannel.get(row.channelId) ?? 0) + count);
    }
    return {
      total: rows.reduce((sum, row) => sum + Number(row.count), 0),
      bySeverity,
      byChannel: [...byChannel]
        .map(([channelId, count]) => ({ channelId, count }))
        .sort((a, b) => b.count - a.count || a.channelId.localeCompare(b.channelId)),
    };
  }

  async getAlert(id: number): Promise<{ alert: Alert; events: AlertEvent[] }> {
    if (!this.isRowId(id)) throw new NotFoundError('alert', String(id));
    const alert = await this.dataSource.getRepository(Alert).findOneBy({ id });
    if (!alert) throw new NotFoundError('alert', String(id));
    const qb = this.dataSource
      .getRepository(AlertEvent)
      .createQueryBuilder('row')
      .where('row.alert_id = :id', { id });
    const { data } = await this.page(AlertEvent, qb, ALERT_EVENTS_SHOWN, EVENT_TEXT_COLUMNS);
    return { alert, events: data };
  }

  /**
   * The integration's latest `limit` events with their raw JSON, one row per event received (an
   * event routed to several channels is stored once per channel), newest first.
   */
  async latestEventsOf(integrationId: string, limit: number): Promise<AlertEvent[]> {
    const rows = await this.dataSource
      .getRepository(AlertEvent)
      .createQueryBuilder('row')
      .addSelect('row.raw')
      .where('row.integration_id = :integrationId', { integrationId })
      .orderBy('row.id', 'DESC')
      .limit(limit * 4)
      .getMany();
    const seen = new Set<string>();
    return rows
      .filter((row) => {
        const received = `${row.requestId}\n${row.alertKey}\n${row.eventTime.getTime()}`;
        if (seen.has(received)) return false;
        seen.add(received);
        return true;
      })
      .slice(0, limit);
  }

  /** One event with its raw JSON, which no list returns. */
  async getEvent(id: number): Promise<AlertEventDetail> {
    if (!this.isRowId(id)) throw new NotFoundError('event', String(id));
    const event = await this.dataSource
      .getRepository(AlertEvent)
      .createQueryBuilder('row')
      .addSelect('row.raw')
      .where('row.id = :id', { id })
      .getOne();
    if (!event) throw new NotFoundError('event', String(id));
    return { ...event, raw: event.raw };
  }

  /**
   * Events of one integration by id, in the order asked (no raw JSON): an id that is no event
   * of it is a 404, as if it did not exist.
   */
  async getEventsOf(integrationId: string, ids: readonly number[]): Promise<AlertEvent[]> {
    const unknown = ids.find((id) => !this.isRowId(id));
    if (unknown !== undefined) throw new NotFoundError('event', String(unknown));
    const found = await this.dataSource
      .getRepository(AlertEvent)
      .findBy({ integrationId, id: In([...ids]) });
    return ids.map((id) => {
      const event = found.find((row) => Number(row.id) === id);
      if (!event) throw new NotFoundError('event', String(id));
      return event;
    });
  }

  /** Ids are positive and below 2^53; a larger number would overflow PostgreSQL's bigint. */
  private isRowId(id: number): boolean {
    return Number.isSafeInteger(id) && id >= 1;
  }

  private applyAlertFilters(
    qb: SelectQueryBuilder<Alert>,
    query: CountAlertsQuery,
    labels: Record<string, string>,
  ): void {
    this.applyFilters(qb, query, labels, 'created_at');
    if (query.status !== undefined) qb.andWhere('row.status = :status', { status: query.status });
    if (query.silenced === true) qb.andWhere('row.silenced_by IS NOT NULL');
    if (query.silenced === false) qb.andWhere('row.silenced_by IS NULL');
  }

  private applyFilters<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    query: ListFilters,
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

  /** The bytes of the columns' text as stored (JSON columns as JSON text). */
  private bytesOf(columns: readonly string[]): string {
    const bytes = (column: string) =>
      this.isPostgres
        ? `coalesce(octet_length(row.${column}::text), 0)`
        : `coalesce(length(CAST(row.${column} AS BLOB)), 0)`;
    return columns.map(bytes).join(' + ');
  }

  /**
   * A page of at most `limit` rows and about `LIST_PAGE_BYTES`, newest first. The rows' sizes are
   * read first, and only the rows that fit are loaded: a few large rows must not cost the memory
   * of `limit` of them.
   */
  private async page<T extends ObjectLiteral & { id: number }>(
    entity: EntityTarget<T>,
    qb: SelectQueryBuilder<T>,
    limit: number,
    textColumns: readonly string[],
  ): Promise<Page<T>> {
    const sizes = await qb
      .select('row.id', 'id')
      .addSelect(this.bytesOf(textColumns), 'bytes')
      .orderBy('row.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<RowSize>();
    const ids = rowsWithinPage(sizes.slice(0, limit));
    const data =
      ids.length === 0
        ? []
        : await this.dataSource
            .getRepository(entity)
            .createQueryBuilder('row')
            .whereInIds(ids)
            .orderBy('row.id', 'DESC')
            .getMany();
    const hasMore = sizes.length > ids.length;
    const last = ids.at(-1);
    return { data, nextCursor: hasMore && last !== undefined ? encodeCursor(last) : null };
  }
}
