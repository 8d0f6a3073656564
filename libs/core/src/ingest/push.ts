/** One request of a source (or of an admin trying a payload), as the ingest flow takes it. */
export interface Push {
  /** The plugin the push was sent to (the `:pluginId` of the webhook path). */
  pluginId: string;
  body: unknown;
  /**
   * The body's bytes as sent, which the plugin's `verify` checks; undefined for the admin's test
   * push and previews, which the admin token already vouches for.
   */
  rawBody: Buffer | undefined;
  headers: Record<string, string>;
  requestId: string;
  receivedAt: Date;
  /**
   * Whether the plugin's `answer` may shape the success body (a source's push), or the core's
   * summary is the answer whatever the plugin (the admin's test push).
   */
  answeredByPlugin: boolean;
  /** A request to the heartbeat URL: a beat, with no events (a body, if any, is not read). */
  ping?: boolean;
}
