import { describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { ENABLED_PLUGIN_MODULES } from '../apps/server/src/plugins.js';
import {
  ALERT_EVENTS,
  PushBatchContributors,
  StorageModule,
  Table,
  type EventRecord,
} from '../libs/core/src/storage/index.js';
import { startTestApp } from './support/test-app.js';

/**
 * A feature that declares a column on events which no migration adds, as a new column looks
 * before its migration is written: one declaration, no migration.
 */
interface SilencedEvent {
  requestId: EventRecord['requestId'];
  silenced: number;
}

const SILENCED_EVENTS = new Table<SilencedEvent>(ALERT_EVENTS.name, {
  requestId: { name: 'request_id', kind: 'text' },
  silenced: { name: 'silenced', kind: 'integer' },
});

@Module({ imports: [StorageModule] })
class ColumnWithoutMigrationModule {
  constructor(contributors: PushBatchContributors) {
    contributors.add({ tables: [SILENCED_EVENTS as Table<unknown>], contribute: () => [] });
  }
}

/** Each test starts an app on a freshly migrated database: seconds on a busy machine. */
const APP_START_MS = 30_000;

describe('storage schema check', () => {
  it(
    'refuses to start when a table declaration has a column the migrations never made',
    async () => {
      await expect(
        startTestApp({ plugins: [...ENABLED_PLUGIN_MODULES, ColumnWithoutMigrationModule] }),
      ).rejects.toThrow('alert_events.silenced is declared but the database has no such column');
    },
    APP_START_MS,
  );

  it(
    'starts when the declarations and the migrated schema agree',
    async () => {
      const app = await startTestApp();
      try {
        await app.http.get('/readyz').expect(200);
      } finally {
        await app.close();
      }
    },
    APP_START_MS,
  );
});
