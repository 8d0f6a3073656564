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
 * transaction, each piece under its own savepoint: one that throws is rolled back alone, the
 * others commit together with one fsync. Every promise settles only after the COMMIT (or its
 * failure), so an answer never runs ahead of the disk.
 *
 * The work is synchronous (better-sqlite3): a batch runs in one go and cannot interleave with
 * anything else on the connection.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly inSavepoint: (work: () => unknown) => unknown;
  private readonly inTransaction: BetterSqlite3.Transaction<(batch: Pending[]) => Outcome[]>;

  constructor(private readonly database: BetterSqlite3.Database) {
    // Called inside a transaction, a better-sqlite3 transaction function uses a savepoint.
    this.inSavepoint = database.transaction((work: () => unknown) => work());
    this.inTransaction = database.transaction((batch: Pending[]) =>
      batch.map((pending): Outcome => {
        try {
          return { ok: true, value: this.inSavepoint(pending.work) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

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
    const batch = this.queue.length <= MAX_BATCH ? this.queue : this.queue.slice(0, MAX_BATCH);
    this.queue = this.queue.length <= MAX_BATCH ? [] : this.queue.slice(MAX_BATCH);
    let outcomes: Outcome[];
    try {
      outcomes = this.inTransaction.immediate(batch);
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
    if (this.queue.length > 0) this.schedule();
  }
}
