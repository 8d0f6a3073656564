import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { sqliteMemoryDatabase } from '../testing/sqlite-memory-database.js';
import { SchemaMismatchError, checkSchema } from './schema-check.js';
import { Table } from './table.js';
import { HOT_TABLES } from './tables/hot-tables.js';

interface PushLogWithNote {
  integrationId: string;
  silenced: number;
}

describe('checkSchema', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await sqliteMemoryDatabase();
  });
  afterAll(() => dataSource.destroy());

  it('accepts the hot tables as the migrations make them', async () => {
    await expect(checkSchema(dataSource, HOT_TABLES)).resolves.toBeUndefined();
  });

  it('refuses a declared column the migrations never added, naming it', async () => {
    const declared = new Table<PushLogWithNote>('push_log', {
      integrationId: { name: 'integration_id', kind: 'text' },
      silenced: { name: 'silenced', kind: 'integer' },
    });
    const check = checkSchema(dataSource, [declared as Table<unknown>]);
    await expect(check).rejects.toBeInstanceOf(SchemaMismatchError);
    await expect(check).rejects.toThrow(
      'push_log.silenced is declared but the database has no such column',
    );
  });

  it('refuses a wrong kind, a wrong nullability, a required column left out, a missing table', async () => {
    const declared = new Table<{ requestId: number; note: string }>('push_log', {
      requestId: { name: 'request_id', kind: 'integer' },
      note: { name: 'note', kind: 'text' },
    });
    const missing = new Table<{ id: number }>('no_such_table', { id: { name: 'id', kind: 'id' } });
    const error = await checkSchema(dataSource, [
      declared as Table<unknown>,
      missing as Table<unknown>,
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaMismatchError);
    expect((error as SchemaMismatchError).problems).toEqual(
      expect.arrayContaining([
        'push_log.request_id is declared integer but stored as varchar(36)',
        'push_log.note is declared not null but the database says the opposite',
        'push_log.integration_id is required by the database but not declared: inserts would fail',
        'table no_such_table does not exist',
      ]),
    );
  });
});
