import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';

/** What `SqliteCheckpointer` reads of a TypeORM data source. */
function dataSourceOf(connection: Database.Database): DataSource {
  return {
    options: { type: 'better-sqlite3' },
    driver: { databaseConnection: connection },
  } as unknown as DataSource;
}

async function eventually(condition: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 250 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe('SqliteCheckpointer', () => {
  let dir: string;
  let file: string;
  let connection: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alert-hub-checkpointer-'));
    file = join(dir, 'test.sqlite');
    connection = new Database(file);
    connection.pragma('journal_mode = WAL');
    connection.exec('CREATE TABLE rows (value TEXT NOT NULL)');
    connection.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterEach(() => {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const writeManyPages = () => {
    const insert = connection.prepare('INSERT INTO rows (value) VALUES (?)');
    connection.transaction(() => {
      for (let row = 0; row < 2_000; row++) insert.run('x'.repeat(1_000));
    })();
  };

  it('copies committed pages into the database file while the writer only commits', async () => {
    const checkpointer = new SqliteCheckpointer(dataSourceOf(connection));
    // The writer now leaves checkpoints to the thread until the WAL is far larger than this.
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000);
    const sizeBefore = statSync(file).size;

    writeManyPages();

    expect(await eventually(() => statSync(file).size > sizeBefore + 1_000_000)).toBe(true);
    await checkpointer.onModuleDestroy();
    expect(connection.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2_000 });
  });

  it('stops its thread on shutdown, so the database closes with no other connection open', async () => {
    const checkpointer = new SqliteCheckpointer(dataSourceOf(connection));
    const sizeBefore = statSync(file).size;
    writeManyPages();
    // The thread has its connection open once it checkpointed.
    expect(await eventually(() => statSync(file).size > sizeBefore + 1_000_000)).toBe(true);
    await checkpointer.onModuleDestroy();
    // SQLite checkpoints the WAL and deletes it when its last connection closes: a connection
    // the thread still held would keep it.
    connection.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2_000 });
    reopened.close();
    // A second shutdown is harmless.
    await expect(checkpointer.onModuleDestroy()).resolves.toBeUndefined();
  });

  it('gives checkpoints back to the writer when its thread fails', async () => {
    // The thread opens the file by name: gone, it cannot.
    rmSync(file);
    const checkpointer = new SqliteCheckpointer(dataSourceOf(connection));
    expect(
      await eventually(() => connection.pragma('wal_autocheckpoint', { simple: true }) === 1_000),
    ).toBe(true);
    await expect(checkpointer.onModuleDestroy()).resolves.toBeUndefined();
  });

  it('leaves an in-memory database alone', async () => {
    const memory = new Database(':memory:');
    const checkpointer = new SqliteCheckpointer(dataSourceOf(memory));
    await expect(checkpointer.onModuleDestroy()).resolves.toBeUndefined();
    memory.close();
  });
});
