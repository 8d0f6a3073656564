import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../events/cursor.js';
import type { Page } from '../events/events-query.service.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import type { ListPushesQuery } from './dto/list-pushes.query.js';
import { encodeSqliteTime } from '../database/sqlite-time.js';
import type { PushOutcome } from '../ingest/push-record.js';
import type { CountPushesQuery } from './dto/count-pushes.query.js';
import type { IntegrationPushCounts } from './push-counts.view.js';
import { PushLogEntry } from './push-log-entry.entity.js';
import { WriteQueue } from '../storage/index.js';
import { PushLogWriter } from './push-log.writer.js';
import { pushLogView, type PushLogView } from './push-log.view.js';

interface PushCountRow {
  integrationId: string;
  outcome: PushOutcome;
  count: number | string;
}

@Injectable()
export class PushLogService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly writer: PushLogWriter,
    private readonly writes: WriteQueue,
  ) {}

  onModuleInit(): void {
    // A deleted integration's pushes can no longer be listed; the events it stored stay, as
    // history.
    this.integrations.whenDeleted((integrationId) => this.forget(integrationId));
  }

  private async forget(integrationId: string): Promise<void> {
    await this.writes.run(() =>
      this.dataSource.getRepository(PushLogEntry).delete({ integrationId }),
    );
  }

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

  /**
   * Each integration's kept pushes since the time, by outcome; integrations without any are left
   * out. No index holds `received_at`: the log keeps at most PUSH_LOG_KEPT entries per
   * integration, so the scan is bounded, and an index would cost every push another write.
   */
  async count(query: CountPushesQuery): Promise<IntegrationPushCounts[]> {
    await this.writer.settled();
    const since =
      this.dataSource.options.type === 'postgres' ? query.since : encodeSqliteTime(query.since);
    const rows = await this.dataSource
      .getRepository(PushLogEntry)
      .createQueryBuilder('entry')
      .select('entry.integration_id', 'integrationId')
      .addSelect('entry.outcome', 'outcome')
      .addSelect('COUNT(*)', 'count')
      .where('entry.received_at >= :since', { since })
      .groupBy('entry.integration_id')
      .addGroupBy('entry.outcome')
      .getRawMany<PushCountRow>();
    const counts = new Map<string, IntegrationPushCounts>();
    for (const row of rows) {
      const integration = counts.get(row.integrationId) ?? {
        integrationId: row.integrationId,
        accepted: 0,
        refused: 0,
        failed: 0,
      };
      // PostgreSQL's COUNT is a bigint, which its driver hands over as text.
      integration[row.outcome] = Number(row.count);
      counts.set(row.integrationId, integration);
    }
    return [...counts.values()];
  }
}
