import { isDatabaseUnavailable } from '../../database/database-unavailable.js';

/** Pushes per batch at most. */
const MAX_BATCH = 128;

interface Pending<Push, Result> {
  push: Push;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for PostgreSQL: pushes that arrive while `maxInFlight` batches are being written
 * wait and are then written together, one transaction for all of them. When a batch fails, each
 * of its pushes is written again on its own, so a bad push fails alone and the others are
 * stored (unless the database is unreachable: then they all fail at once). Every promise settles
 * after the COMMIT that contains its push.
 */
export class PostgresGroupCommit<Push, Result> {
  private queue: Pending<Push, Result>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly writeBatch: (pushes: Push[]) => Promise<Result[]>,
    private readonly maxInFlight: number,
  ) {}

  run(push: Push): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ push, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // After the I/O phase: every request read in this turn of the event loop joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
        const batch = this.queue.splice(0, MAX_BATCH);
        this.inFlight += 1;
        void this.write(batch).finally(() => {
          this.inFlight -= 1;
          if (this.queue.length > 0) this.schedule();
        });
      }
    });
  }

  private async write(batch: Pending<Push, Result>[]): Promise<void> {
    try {
      const summaries = await this.writeBatch(batch.map((pending) => pending.push));
      batch.forEach((pending, index) => pending.resolve(summaries[index]));
      return;
    } catch (error) {
      // Written alone, a bad push fails alone; a database that cannot be reached fails them all
      // again, each only later.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
    await Promise.all(
      batch.map(async (pending) => {
        try {
          const [summary] = await this.writeBatch([pending.push]);
          pending.resolve(summary);
        } catch (error) {
          pending.reject(error);
        }
      }),
    );
  }
}
