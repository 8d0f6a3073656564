/** What a plugin's `answer` knows of a push the core has stored. */
export interface AcceptedPush {
  /** The body as the core handed it to `parse`. */
  readonly body: unknown;
  readonly requestId: string;
  /** How many events the push held. */
  readonly events: number;
}

/**
 * The statuses a push may be answered with on success. 200 is the core's; 202 is for sources
 * whose own API answers so, and whose client libraries check it (PagerDuty's Events API v2).
 */
export type SuccessStatus = 200 | 202;

export const SUCCESS_STATUSES: readonly SuccessStatus[] = [200, 202];

/**
 * What a plugin changes of the core's success answer, for a source that expects an answer of its
 * own; what it leaves out stays the core's (`{}` is the core's answer). Errors, their statuses and
 * the `X-Request-Id` header are always the core's.
 */
export interface PushAnswer {
  /** 200 unless given. */
  readonly status?: SuccessStatus;
  /** A JSON object instead of the core's `{"request_id", "data"}`. */
  readonly body?: Readonly<Record<string, unknown>>;
}
