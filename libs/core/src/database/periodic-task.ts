import { SerialQueue } from './serial-queue.js';

export interface PeriodicTaskOptions<T> {
  /** One run of the work. */
  run: () => Promise<T>;
  firstDelayMs: number;
  /** Counted from the end of a run, so that a slow run is never overlapped by the next. */
  intervalMs: number;
  /** Told how each scheduled run ended; a caller of `runNow` reads its own outcome. */
  onRun: (result: T) => void;
  onFailure: (error: unknown) => void;
}

/**
 * Background work of the process (retention, auto-resolve): a first run `firstDelayMs` after
 * `start`, then one `intervalMs` after each run, however it ended. One run at a time: `runNow`
 * waits for a run under way and then runs afresh. The timer alone keeps no process alive, and
 * `stop` lets a run under way finish before the database closes.
 */
export class PeriodicTask<T> {
  private readonly runs = new SerialQueue();
  private latestRun: Promise<T> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  /** True once `stop` was called: a long run checks it between its steps. */
  get stopped(): boolean {
    return this.isStopped;
  }

  start(): void {
    this.schedule(this.options.firstDelayMs);
  }

  runNow(): Promise<T> {
    this.latestRun = this.runs.run(this.options.run);
    return this.latestRun;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    await this.latestRun?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => void this.scheduledRun(), delayMs);
    this.timer.unref();
  }

  private async scheduledRun(): Promise<void> {
    try {
      this.options.onRun(await this.runNow());
    } catch (error) {
      this.options.onFailure(error);
    } finally {
      this.schedule(this.options.intervalMs);
    }
  }
}
