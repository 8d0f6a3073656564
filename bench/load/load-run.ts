import type { PayloadTemplate } from './payloads.js';

/** One load run against one endpoint, whichever generator drives it. */
export interface LoadSpec {
  url: string;
  path: string;
  template: PayloadTemplate;
  alertsPerPush: number;
  /** Share of pushes that re-send a push already sent (0 = every alert is new). */
  repeatShare: number;
  durationS: number;
  connections: number;
  /**
   * A constant rate instead of as fast as the system answers: pushes start on a fixed schedule,
   * whatever the latency of the answers (a push that could not start on time starts as soon as a
   * connection is free, so the schedule catches up).
   */
  ratePerS?: number;
  /** Makes the alert ids of this run unique. */
  runId: string;
}

/** What the client saw. `stored`/`deduplicated` add up the servers' own push summaries. */
export interface LoadResult {
  durationS: number;
  /** Requests started, answered or not: those not answered were in flight at the end. */
  sent: number;
  acked: number;
  ackedEvents: number;
  stored: number;
  deduplicated: number;
  refused: number;
  socketErrors: number;
  p50Ms: number;
  p99Ms: number;
}

export type LoadGenerator = (spec: LoadSpec) => Promise<LoadResult>;
