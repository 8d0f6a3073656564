import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../events/cursor.js';
import type { Page } from '../events/events-query.service.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import type { ListPushesQuery } from './dto/list-pushes.query.js';
import { PushLogEntry } from './push-log-entry.entity.js';
import { PushLogWriter } from './push-log.writer.js';
import { pushLogView, type PushLogView } from './push-log.view.js';

@Injectable()
export class PushLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly writer: PushLogWriter,
  ) {}

  /** Newest first. Pushes this process received are written before it answers. */
  async list(integrationId: string, query: ListPushesQuery): Promise<Page<PushLogView>> {
    await this.integrations.get(integrationId);
    await this.writer.settled();
    const qb = this.dataSource
      .getRepository(PushLogEntry)
      .createQueryBuilder('entry')
      .where('entry.integration_id = :integrationId', { integrationId });
    if (query.outcome !== undefined) {
      qb.andWhere('entry.outcome = :outcome', { outcome: query.outcome });
    }
    if (query.cursor !== undefined) {
      qb.andWhere('entry.id < :cursor', { cursor: decodeCursor(query.cursor) });
    }
    const rows = await qb
      .orderBy('entry.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const entries = rows.slice(0, query.limit);
    const last = entries.at(-1);
    return {
      data: entries.map(pushLogView),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  }
}
