import { setTimeout as delay } from 'node:timers/promises';
import type { FinishedAttempt } from './notification-queue.js';

/** Between two writes of attempts: what ends meanwhile goes in the next. */
export const FINISHED_ATTEMPTS_SPACING_MS = 50;

interface Waiting {
  attempt: FinishedAttempt;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The attempts that ended, written to the database together: one transaction records those that
 * ended since the last one, at most one every `FINISHED_ATTEMPTS_SPACING_MS`. Sends to a fast
 * receiver end by the hundred a second; a transaction each would make the worker's commits
 * outnumber the pushes' on SQLite's one connection, where each blocks the event loop for its
 * sync to disk. Each promise settles once its attempt is committed (or not).
 */
export class FinishedAttempts {
  private waiting: Waiting[] = [];
  private writing = false;
  private lastWriteAt = 0;

  constructor(private readonly write: (attempts: FinishedAttempt[]) => Promise<void>) {}

  record(attempt: FinishedAttempt): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ attempt, resolve, reject });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const sinceLastMs = Date.now() - this.lastWriteAt;
      if (sinceLastMs < FINISHED_ATTEMPTS_SPACING_MS)
        await delay(FINISHED_ATTEMPTS_SPACING_MS - sinceLastMs);
      const batch = this.waiting;
      this.waiting = [];
      this.lastWriteAt = Date.now();
      try {
        await this.write(batch.map((waiting) => waiting.attempt));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.writing = false;
  }
}
