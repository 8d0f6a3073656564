import { Injectable, Logger } from '@nestjs/common';
import type { Table } from './table.js';
import type { WrittenPushBatch } from './push-batch.js';

/** Rows for one declared table. Build with `rowsOf`, which keeps rows and table in step. */
export interface ContributedRows {
  readonly table: Table<unknown>;
  readonly rows: readonly unknown[];
}

export function rowsOf<Row>(table: Table<Row>, rows: readonly Row[]): ContributedRows {
  return { table: table as Table<unknown>, rows };
}

/**
 * The extension point for a feature whose rows must commit with the pushes that cause them (an
 * outbox of alert transitions, say): it is asked once per batch, inside the transaction, after
 * the alerts and before the events are written, and its rows are written with the events: in
 * the same statement on PostgreSQL (no round trip of their own), the same transaction on SQLite.
 * Its tables are declared like the hot tables and checked against the schema at start-up.
 */
export interface PushBatchContributor {
  readonly tables: readonly Table<unknown>[];
  /**
   * Its rows for `batch`. May be asked again for the same pushes: a batch that fails is written
   * again without the push that failed it, so this decides, and remembers nothing.
   */
  contribute(batch: WrittenPushBatch): ContributedRows[];
  /**
   * Called after the commit of a batch it gave rows to, to wake whatever reads them. Should not
   * throw: the push it follows is already stored (what it throws is logged, and the push is
   * answered as stored all the same).
   */
  committed?(): void;
}

/** The contributors of the app: a feature adds its own when its module starts. */
@Injectable()
export class PushBatchContributors {
  private readonly logger = new Logger('Storage');
  private readonly contributors: PushBatchContributor[] = [];

  add(contributor: PushBatchContributor): void {
    this.contributors.push(contributor);
  }

  tables(): Table<unknown>[] {
    return this.contributors.flatMap((contributor) => contributor.tables);
  }

  /** Every contributor's rows for `batch`; tables without rows left out. */
  rowsFor(batch: WrittenPushBatch): ContributedRows[] {
    return this.contributors
      .flatMap((contributor) => contributor.contribute(batch))
      .filter((contributed) => contributed.rows.length > 0);
  }

  /** Tells the contributors of `contributed` (as `rowsFor` gave it) that their rows committed. */
  committed(contributed: readonly ContributedRows[]): void {
    if (contributed.length === 0) return;
    const tables = new Set(contributed.map((rows) => rows.table));
    for (const contributor of this.contributors) {
      if (!contributor.tables.some((table) => tables.has(table))) continue;
      try {
        contributor.committed?.();
      } catch (error) {
        // The rows are committed: answering the push with an error would make its sender
        // send it again for nothing. What reads the rows finds them at its next poll.
        this.logger.error(`a contributor failed after a commit: ${String(error)}`);
      }
    }
  }
}
