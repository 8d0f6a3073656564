/**
 * A storm ends once nothing has waited for this long: a stream of transitions that the worker
 * keeps up with, so that a run now and then finds nothing, is one storm, not many.
 */
export const CALM_AFTER_MS = 1_000;

/**
 * The send budget of one destination: at most `limit` messages in any window of `windowMs` (a
 * sliding log of send times, starting from those of the delivery log when a process takes the
 * destination over), and nothing at all while the destination said it is rate-limited. A
 * destination that was limited, or had more waiting than it takes one by one, stays "storming"
 * until nothing has waited for `CALM_AFTER_MS`: its notifications go out as digests meanwhile,
 * one message for many.
 */
export class RateWindow {
  private readonly sent: number[];
  private blockedUntil = 0;
  private storming = false;
  /** Since when nothing has waited; undefined while something does. */
  private quietSince: number | undefined;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Send times already in the window, oldest first. */
    sent: readonly number[] = [],
  ) {
    this.sent = [...sent];
  }

  /** Messages that may be sent now. */
  available(now: number): number {
    if (now < this.blockedUntil) return 0;
    this.forget(now);
    return Math.max(0, this.limit - this.sent.length);
  }

  record(now: number): void {
    this.sent.push(now);
  }

  /** The destination answered "too many": nothing more until `retryAfterMs` (or a window) passed. */
  rateLimited(now: number, retryAfterMs: number | undefined): void {
    this.blockedUntil = Math.max(this.blockedUntil, now + (retryAfterMs ?? this.windowMs));
    this.storming = true;
  }

  /** More is waiting than the budget can send one by one. */
  overflowed(): void {
    this.storming = true;
  }

  get isStorming(): boolean {
    return this.storming;
  }

  /** Something waits to be sent. */
  busy(): void {
    this.quietSince = undefined;
  }

  /**
   * Nothing waits now: once nothing has waited for `CALM_AFTER_MS`, the next notification goes
   * out on its own again.
   */
  calmed(now: number): void {
    this.quietSince ??= now;
    if (now - this.quietSince >= CALM_AFTER_MS) this.storming = false;
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
  }
}
