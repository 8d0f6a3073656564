import { describe, expect, it } from '@jest/globals';
import { FinishedAttempts } from './finished-attempts.js';
import type { FinishedAttempt } from './notification-queue.js';

/** Attempts told apart by their subscription id; nothing else is read here. */
const attempt = (id: string) => ({ attempt: { subscriptionId: id } }) as unknown as FinishedAttempt;
const idsOf = (attempts: FinishedAttempt[]) => attempts.map((a) => a.attempt.subscriptionId);

describe('FinishedAttempts', () => {
  it('writes the attempts that end while one write runs together, in the next write', async () => {
    const writes: string[][] = [];
    let release: () => void = () => undefined;
    const finished = new FinishedAttempts((attempts) => {
      writes.push(idsOf(attempts));
      return writes.length === 1
        ? new Promise<void>((resolve) => (release = resolve))
        : Promise.resolve();
    });
    const first = finished.record(attempt('a'));
    const later = [finished.record(attempt('b')), finished.record(attempt('c'))];
    expect(writes).toEqual([['a']]);
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([['a'], ['b', 'c']]);
  });

  it('fails the attempts of a write that failed, and goes on with the next', async () => {
    let calls = 0;
    const finished = new FinishedAttempts(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve();
    });
    await expect(finished.record(attempt('a'))).rejects.toThrow('database gone');
    await expect(finished.record(attempt('b'))).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
