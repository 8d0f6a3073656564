import type BetterSqlite3 from 'better-sqlite3';
import { SerialQueue } from '../../database/serial-queue.js';

/** Pieces per transaction at most: bounds how long one commit keeps the others waiting. */
const MAX_BATCH = 256;

interface Piece {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Every write of the process to SQLite, in turn, on its one connection. Two kinds of write take
 * turns in one queue:
 * - `run`: an asynchronous write (TypeORM's, which may hold a transaction open across awaits);
 *   the next turn starts when its promise settles;
 * - `transaction`: a synchronous piece (the hot writes, better-sqlite3 directly). Pieces queued
 *   while the event loop is busy share one turn and one transaction: group commit, one fsync for
 *   all. When a piece throws, the others are written again without it, so that it fails alone.
 *   Every promise settles only after the COMMIT (or its failure): an answer never runs ahead of
 *   the disk.
 * Nothing polls: a transaction turn simply waits in the queue behind an admin write.
 */
export class SqliteWriteQueue {
  private readonly turns = new SerialQueue();
  private pieces: Piece[] = [];
  private scheduled = false;

  constructor(private readonly database: BetterSqlite3.Database) {}

  run<T>(write: () => Promise<T>): Promise<T> {
    return this.turns.run(write);
  }

  /** `run`, with commits not synced to disk (`WriteQueue.runRedoable` says when that is right). */
  runRedoable<T>(write: () => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      const synchronous = this.database.pragma('synchronous', { simple: true }) as number;
      this.database.pragma('synchronous = NORMAL');
      try {
        return await write();
      } finally {
        this.database.pragma(`synchronous = ${synchronous}`);
      }
    });
  }

  transaction<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pieces.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O phase: every request read in this turn of the event loop joins the batch.
    setImmediate(
      () =>
        void this.run(() => {
          this.commitWaiting();
          return Promise.resolve();
        }),
    );
  }

  private commitWaiting(): void {
    this.scheduled = false;
    const batch = this.pieces.splice(0, MAX_BATCH);
    const outcomes = this.commit(batch);
    batch.forEach((piece, index) => {
      const outcome = outcomes[index] ?? { ok: false, error: new Error('piece was not written') };
      if (outcome.ok) piece.resolve(outcome.value);
      else piece.reject(outcome.error);
    });
    if (this.pieces.length > 0) this.schedule();
  }

  private commit(batch: Piece[]): Outcome[] {
    const failAll = (error: unknown): Outcome[] => batch.map(() => ({ ok: false, error }));
    if (this.database.inTransaction) {
      // Only a write that bypassed this queue can leave a transaction open here.
      return failAll(
        new Error('a write bypassed the SQLite write queue and left a transaction open'),
      );
    }
    try {
      // IMMEDIATE takes the write lock now: another process cannot slip in between our reads
      // and writes and leave this transaction unable to commit.
      this.database.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return failAll(error);
    }
    const outcomes: Outcome[] = [];
    for (const piece of batch) {
      try {
        outcomes.push({ ok: true, value: piece.work() });
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction itself:
        // then nothing of the batch is written, and every piece of it must say so.
        if (!this.database.inTransaction) return failAll(error);
        this.database.exec('ROLLBACK');
        if (batch.length === 1) return failAll(error);
        // One piece failed: the batch is undone and each piece runs again in a transaction of
        // its own, so that only the failing one fails. A savepoint per piece would spare the
        // rerun, but cost every batch (each page a piece touches was first copied into the
        // savepoint's journal) for a failure that valid pushes do not cause.
        return batch.flatMap((alone) => this.commit([alone]));
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
