/**
 * A push that asks to be confirmed rather than carrying events: AWS SNS and Huawei SMN send one
 * when a subscription is created, and deliver nothing until its URL has been fetched. The plugin
 * only says so; the core fetches the URL (GET, through its outbound client, on the plugin's
 * `outboundHosts` only), records it in the push log, and confirms each message once.
 */
export interface SubscriptionHandshake {
  /** The URL whose GET confirms the subscription. */
  readonly confirmUrl: string;
  /**
   * The source's stable id of this message (SNS `MessageId`): a repeat of a message already
   * confirmed, a retry or a replay, is answered without fetching the URL again.
   */
  readonly messageId: string;
  /** What is being confirmed, for the push log: `SNS subscription to arn:aws:sns:…`. */
  readonly description: string;
}
