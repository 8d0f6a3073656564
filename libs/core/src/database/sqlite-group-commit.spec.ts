import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGroupCommit } from './sqlite-group-commit.js';

describe('SqliteGroupCommit', () => {
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
    const groupCommit = new SqliteGroupCommit(writer);
    const seenByReader: string[][] = [];
    const first = groupCommit.run(() => insert('a', 'k1').changes);
    const second = groupCommit.run(() => {
      // Still inside the shared transaction: another connection sees nothing yet.
      seenByReader.push(stored(reader));
      return insert('b', 'k2').changes;
    });
    await expect(Promise.all([first, second])).resolves.toEqual([1, 1]);
    expect(seenByReader).toEqual([[]]);
    expect(stored(reader)).toEqual(['a:k1', 'b:k2']);
  });

  it('rolls back a failing push alone; the others of its batch are stored', async () => {
    const groupCommit = new SqliteGroupCommit(writer);
    const good = groupCommit.run(() => insert('good', 'k1'));
    const bad = groupCommit.run(() => {
      insert('bad', 'k2');
      insert('bad', 'k1'); // breaks the unique index: the whole push must go, k2 included
    });
    const after = groupCommit.run(() => insert('after', 'k3'));
    await expect(good).resolves.toBeDefined();
    await expect(bad).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(after).resolves.toBeDefined();
    expect(stored(reader)).toEqual(['good:k1', 'after:k3']);
  });

  it('waits for a transaction someone else opened on the connection', async () => {
    const groupCommit = new SqliteGroupCommit(writer);
    writer.exec('BEGIN');
    insert('other', 'k0');
    const queued = groupCommit.run(() => insert('queued', 'k1'));
    // The flush was scheduled first, so it has run (and found the transaction) by this point.
    await new Promise((resolve) => setImmediate(resolve));
    writer.exec('COMMIT');
    await expect(queued).resolves.toBeDefined();
    expect(stored(reader)).toEqual(['other:k0', 'queued:k1']);
  });

  it('fails every push of a batch that SQLite rolled back as a whole (disk full)', async () => {
    const groupCommit = new SqliteGroupCommit(writer);
    const pages = (writer.pragma('page_count', { simple: true }) as number) + 1;
    writer.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(100_000);
    const first = groupCommit.run(() => insert('first', 'k1'));
    const tooBig = groupCommit.run(() => insert(big, 'k2'));
    const last = groupCommit.run(() => insert('last', 'k3'));
    await expect(first).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(tooBig).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(last).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(stored(reader)).toEqual([]);

    writer.pragma('max_page_count = 1073741823');
    await expect(groupCommit.run(() => insert('retried', 'k1'))).resolves.toBeDefined();
    expect(stored(reader)).toEqual(['retried:k1']);
  });
});
