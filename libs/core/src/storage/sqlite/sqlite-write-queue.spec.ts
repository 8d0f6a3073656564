import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteWriteQueue } from './sqlite-write-queue.js';

describe('SqliteWriteQueue', () => {
  let dir: string;
  let writer: Database.Database;
  let reader: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alert-hub-group-commit-'));
    writer = new Database(join(dir, 'test.sqlite'));
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE events (push TEXT NOT NULL, key TEXT NOT NULL UNIQUE)');
    reader = new Database(join(dir, 'test.sqlite'), { readonly: true });
  });
  afterEach(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (push: string, key: string) =>
    writer.prepare('INSERT INTO events (push, key) VALUES (?, ?)').run(push, key);
  const stored = (database: Database.Database) =>
    (database.prepare('SELECT push, key FROM events ORDER BY rowid').all() as object[]).map((row) =>
      Object.values(row).join(':'),
    );

  it('commits the pushes queued together in one transaction, after all of them ran', async () => {
    const queue = new SqliteWriteQueue(writer);
    const seenByReader: string[][] = [];
    const first = queue.transaction(() => insert('a', 'k1').changes);
    const second = queue.transaction(() => {
      // Still inside the shared transaction: another connection sees nothing yet.
      seenByReader.push(stored(reader));
      return insert('b', 'k2').changes;
    });
    await expect(Promise.all([first, second])).resolves.toEqual([1, 1]);
    expect(seenByReader).toEqual([[]]);
    expect(stored(reader)).toEqual(['a:k1', 'b:k2']);
  });

  it('rolls back a failing push alone; the others of its batch are stored', async () => {
    const queue = new SqliteWriteQueue(writer);
    const good = queue.transaction(() => insert('good', 'k1'));
    const bad = queue.transaction(() => {
      insert('bad', 'k2');
      insert('bad', 'k1'); // breaks the unique index: the whole push must go, k2 included
    });
    const after = queue.transaction(() => insert('after', 'k3'));
    await expect(good).resolves.toBeDefined();
    await expect(bad).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(after).resolves.toBeDefined();
    expect(stored(reader)).toEqual(['good:k1', 'after:k3']);
  });

  it('runs pieces queued during an asynchronous write after it, never inside its transaction', async () => {
    const queue = new SqliteWriteQueue(writer);
    let releaseAdminWrite = () => {};
    const adminWrite = queue.run(async () => {
      writer.exec('BEGIN');
      insert('admin', 'k0');
      // The admin write awaits with its transaction open, as TypeORM's do between statements.
      await new Promise<void>((resolve) => (releaseAdminWrite = resolve));
      writer.exec('ROLLBACK');
    });
    const piece = queue.transaction(() => insert('piece', 'k1'));
    await new Promise((resolve) => setImmediate(resolve));
    releaseAdminWrite();
    await adminWrite;
    await expect(piece).resolves.toBeDefined();
    // Had the piece joined the admin's transaction, the rollback would have undone it too.
    expect(stored(reader)).toEqual(['piece:k1']);
  });

  it('refuses to commit inside a transaction a write outside the queue left open', async () => {
    const queue = new SqliteWriteQueue(writer);
    writer.exec('BEGIN');
    await expect(queue.transaction(() => insert('piece', 'k1'))).rejects.toThrow(
      /bypassed the SQLite write queue/,
    );
    writer.exec('ROLLBACK');
    await expect(queue.transaction(() => insert('piece', 'k1'))).resolves.toBeDefined();
  });

  it('runs asynchronous writes one after another, in the order queued', async () => {
    const queue = new SqliteWriteQueue(writer);
    const order: string[] = [];
    const slow = queue.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('slow');
    });
    const failing = queue.run(() => Promise.reject(new Error('refused')));
    const fast = queue.run(() => {
      order.push('fast');
      return Promise.resolve();
    });
    await Promise.all([slow, fast, expect(failing).rejects.toThrow('refused')]);
    expect(order).toEqual(['slow', 'fast']);
  });

  it('fails every push of a batch that SQLite rolled back as a whole (disk full)', async () => {
    const queue = new SqliteWriteQueue(writer);
    const pages = (writer.pragma('page_count', { simple: true }) as number) + 1;
    writer.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(100_000);
    const first = queue.transaction(() => insert('first', 'k1'));
    const tooBig = queue.transaction(() => insert(big, 'k2'));
    const last = queue.transaction(() => insert('last', 'k3'));
    await expect(first).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(tooBig).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(last).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(stored(reader)).toEqual([]);

    writer.pragma('max_page_count = 1073741823');
    await expect(queue.transaction(() => insert('retried', 'k1'))).resolves.toBeDefined();
    expect(stored(reader)).toEqual(['retried:k1']);
  });
  it('runs a redoable write unsynced, and syncs every other write as before', async () => {
    writer.pragma('synchronous = FULL');
    const queue = new SqliteWriteQueue(writer);
    const level = () => writer.pragma('synchronous', { simple: true });
    const seen: unknown[] = [];
    const redoable = queue.runRedoable(() => {
      seen.push(level());
      return Promise.resolve(insert('worker', 'k1'));
    });
    const synced = queue.run(() => {
      seen.push(level());
      return Promise.resolve(insert('admin', 'k2'));
    });
    await Promise.all([redoable, synced]);
    // 1 is NORMAL, 2 is FULL.
    expect(seen).toEqual([1, 2]);
    expect(level()).toBe(2);
    expect(stored(reader)).toEqual(['worker:k1', 'admin:k2']);
  });
});
