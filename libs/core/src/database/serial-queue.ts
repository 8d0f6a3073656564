/**
 * Runs tasks one after another. SQLite has one writer and the driver one connection: writes are
 * queued here instead of failing with "database is locked" or nesting transactions.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
