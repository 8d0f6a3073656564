/** How retries of a failed delivery spread out. */
export interface RetryPolicy {
  /** Before the second attempt, about; doubled at each further one. */
  baseMs: number;
  /** No wait is longer. */
  maxMs: number;
}

/**
 * The wait after `failedAttempts` failures: exponential (base, 2×base, 4×base… up to max), and
 * jittered over its upper half, so that the notifications of one outage do not all come back at
 * the same moment and yet none comes back much sooner than its step.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
