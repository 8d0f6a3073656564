import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { PeriodicTask, type PeriodicTaskOptions } from './periodic-task.js';

/** A task whose runs count up, and what it reported. */
function countingTask(overrides: Partial<PeriodicTaskOptions<number>> = {}) {
  let runs = 0;
  const reported: Array<number | string> = [];
  const task = new PeriodicTask<number>({
    run: () => Promise.resolve(++runs),
    firstDelayMs: 1_000,
    intervalMs: 10_000,
    onRun: (result) => reported.push(result),
    onFailure: (error) => reported.push(String(error)),
    ...overrides,
  });
  return { task, reported, runs: () => runs };
}

describe('PeriodicTask', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs after the first delay, then once per interval, and reports each run', async () => {
    const { task, reported } = countingTask();
    task.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(reported).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(reported).toEqual([1]);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(reported).toEqual([1, 2, 3]);
    await task.stop();
  });

  it('goes on after a failed run', async () => {
    let calls = 0;
    const { task, reported } = countingTask({
      run: () => (++calls === 1 ? Promise.reject(new Error('database away')) : Promise.resolve(7)),
    });
    task.start();
    await jest.advanceTimersByTimeAsync(11_000);
    expect(reported).toEqual(['Error: database away', 7]);
    await task.stop();
  });

  it('stops its schedule, after the run under way has finished', async () => {
    let finish: (value: number) => void = () => undefined;
    const { task, reported } = countingTask({
      run: () => new Promise<number>((resolve) => (finish = resolve)),
    });
    task.start();
    await jest.advanceTimersByTimeAsync(1_000);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect({ stopped, flagged: task.stopped }).toEqual({ stopped: false, flagged: true });
    finish(1);
    await stopping;
    expect(reported).toEqual([1]);
    await jest.advanceTimersByTimeAsync(100_000);
    expect(reported).toEqual([1]);
  });

  it('runs at once on demand, one run at a time', async () => {
    const order: string[] = [];
    let finishFirst: () => void = () => undefined;
    let calls = 0;
    const { task } = countingTask({
      run: async () => {
        const call = ++calls;
        order.push(`start ${call}`);
        if (call === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
        order.push(`end ${call}`);
        return call;
      },
    });
    const first = task.runNow();
    const second = task.runNow();
    await jest.advanceTimersByTimeAsync(0);
    finishFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
