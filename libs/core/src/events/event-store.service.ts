import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { postgresPoolOf, sqliteConnectionOf } from '../database/driver-handles.js';
import { SqliteGroupCommit } from '../database/sqlite-group-commit.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { LatestEventTimes } from '../integrations/latest-event-times.js';
import type { PushSummary, PushToStore } from './normalized-event.js';
import { PostgresGroupCommit } from './postgres-group-commit.js';
import { PostgresPushWriter } from './postgres-push-writer.js';
import { SqlitePushWriter } from './sqlite-push-writer.js';
import { DEFAULT_MAX_EVENT_RAW_BYTES } from './stored-raw.js';

/** A push that lost a race for a new alert is replayed; it then folds into the winner's alert. */
const MAX_ATTEMPTS = 4;

/** How long a query storing pushes may go unanswered on PostgreSQL, unless configured. */
const DEFAULT_PUSH_QUERY_TIMEOUT_MS = 30_000;

/** Transactions writing pushes at once on PostgreSQL; more pushes wait and share the next. */
const POSTGRES_BATCHES_IN_FLIGHT = 8;

/**
 * Stores a push: every event row and the alerts they fold into, in one transaction. The promise
 * settles only after the commit, so a 2xx always means the events are on disk. On SQLite the
 * pushes waiting for the single writer share a transaction (group commit); on PostgreSQL a few
 * transactions run at once, each writing the pushes that waited for it.
 */
@Injectable()
export class EventStore {
  private readonly writeOnce: (push: PushToStore) => Promise<PushSummary>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly latestEventTimes: LatestEventTimes,
    @Inject(CORE_OPTIONS) options: CoreOptions,
  ) {
    const maxEventRawBytes = options.maxEventRawBytes ?? DEFAULT_MAX_EVENT_RAW_BYTES;
    if (options.database.type === 'postgres') {
      const writer = new PostgresPushWriter(
        postgresPoolOf(dataSource),
        options.database.pushQueryTimeoutMs ?? DEFAULT_PUSH_QUERY_TIMEOUT_MS,
        maxEventRawBytes,
      );
      const groupCommit = new PostgresGroupCommit(
        (pushes) => writer.write(pushes),
        POSTGRES_BATCHES_IN_FLIGHT,
      );
      this.writeOnce = (push) => groupCommit.run(push);
    } else {
      const connection = sqliteConnectionOf(dataSource);
      const writer = new SqlitePushWriter(connection, maxEventRawBytes);
      const groupCommit = new SqliteGroupCommit(connection);
      this.writeOnce = (push) => groupCommit.run(() => writer.write(push));
    }
  }

  async store(push: PushToStore): Promise<PushSummary> {
    const summary = await this.writeRetryingRaces(push);
    await this.latestEventTimes.record(push.integrationId, push.receivedAt);
    return summary;
  }

  /**
   * Stores events the server makes itself for an integration (its heartbeat's alert): they say
   * nothing about what the source sent, so the integration's latest event time stays.
   */
  storeGenerated(push: PushToStore): Promise<PushSummary> {
    return this.writeRetryingRaces(push);
  }

  private async writeRetryingRaces(push: PushToStore): Promise<PushSummary> {
    for (let attempts = 1; ; attempts++) {
      try {
        return await this.writeOnce(push);
      } catch (error) {
        if (attempts >= MAX_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }
}
