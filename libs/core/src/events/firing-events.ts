import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';

/** A stored firing event as a silence preview reads it. */
export type StoredFiringEvent = Pick<
  AlertEvent,
  | 'id'
  | 'alertId'
  | 'integrationId'
  | 'channelId'
  | 'labels'
  | 'title'
  | 'description'
  | 'severity'
  | 'status'
  | 'receivedAt'
>;

export interface FiringEventsFilter {
  since: Date;
  integrationId?: string;
  channelId?: string;
  /** Newest first: only events of a lower id. */
  beforeId?: number;
  limit: number;
}

/** Reads of stored events and alerts for silence previews: newest first, without raw JSON. */
@Injectable()
export class FiringEvents {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async since(filter: FiringEventsFilter): Promise<StoredFiringEvent[]> {
    const qb = this.dataSource
      .getRepository(AlertEvent)
      .createQueryBuilder('row')
      .select([
        'row.id',
        'row.alertId',
        'row.integrationId',
        'row.channelId',
        'row.labels',
        'row.title',
        'row.description',
        'row.severity',
        'row.status',
        'row.receivedAt',
      ])
      .where("row.status = 'firing'")
      .andWhere('row.received_at >= :since', { since: filter.since })
      .orderBy('row.id', 'DESC')
      .limit(filter.limit);
    if (filter.integrationId !== undefined) {
      qb.andWhere('row.integration_id = :integrationId', { integrationId: filter.integrationId });
    }
    if (filter.channelId !== undefined) {
      qb.andWhere('row.channel_id = :channelId', { channelId: filter.channelId });
    }
    if (filter.beforeId !== undefined)
      qb.andWhere('row.id < :beforeId', { beforeId: filter.beforeId });
    return qb.getMany();
  }

  alerts(ids: number[]): Promise<Alert[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Alert)
      .find({ where: { id: In(ids) }, order: { id: 'DESC' } });
  }
}
