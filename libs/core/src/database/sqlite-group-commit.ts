import type BetterSqlite3 from 'better-sqlite3';

/** Pushes per transaction at most: bounds how long one commit keeps the others waiting. */
const MAX_BATCH = 256;

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for SQLite's single writer. Work queued while the event loop is busy runs in one
 * transaction and commits with one fsync; when a piece throws, the others are written again
 * without it, so that it fails alone. Every promise settles only after the COMMIT (or its
 * failure), so an answer never runs ahead of the disk.
 *
 * The work is synchronous (better-sqlite3): a batch runs in one go and cannot interleave with
 * anything else on the connection.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly database: BetterSqlite3.Database) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O phase: every request read in this turn of the event loop joins the batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.database.inTransaction) {
      // A transaction TypeORM opened (an admin write) is between two of its statements.
      this.scheduled = true;
      setTimeout(() => this.flush(), 1);
      return;
    }
    const batch = this.queue.slice(0, MAX_BATCH);
    this.queue = this.queue.slice(MAX_BATCH);
    const outcomes = this.runBatch(batch);
    batch.forEach((pending, index) => {
      const outcome = outcomes[index] ?? { ok: false, error: new Error('push was not written') };
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    if (this.queue.length > 0) this.schedule();
  }

  private runBatch(batch: Pending[]): Outcome[] {
    const failAll = (error: unknown): Outcome[] => batch.map(() => ({ ok: false, error }));
    try {
      // IMMEDIATE takes the write lock now: another process cannot slip in between our reads
      // and writes and leave this transaction unable to commit.
      this.database.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return failAll(error);
    }
    const outcomes: Outcome[] = [];
    for (const pending of batch) {
      try {
        outcomes.push({ ok: true, value: pending.work() });
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction itself:
        // then nothing of the batch is written, and every push of it must say so.
        if (!this.database.inTransaction) return failAll(error);
        this.database.exec('ROLLBACK');
        if (batch.length === 1) return failAll(error);
        // One piece failed: the batch is undone and each piece runs again in a transaction of
        // its own, so that only the failing one fails. A savepoint per piece would spare the
        // rerun, but cost every batch (each page a piece touches was first copied into the
        // savepoint's journal) for a failure that valid pushes do not cause.
        return batch.flatMap((alone) => this.runBatch([alone]));
      }
    }
    try {
      this.database.exec('COMMIT');
    } catch (error) {
      if (this.database.inTransaction) this.database.exec('ROLLBACK');
      return failAll(error);
    }
    return outcomes;
  }
}
