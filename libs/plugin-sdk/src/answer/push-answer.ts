/** What a plugin's `answer` knows of a push the core has stored. */
export interface AcceptedPush {
  /** The body as the core handed it to `parse`. */
  readonly body: unknown;
  readonly requestId: string;
  /** How many events the push held. */
  readonly events: number;
}

/** A JSON object a source expects back on success; the status code stays the core's. */
export type PushAnswer = Readonly<Record<string, unknown>>;
