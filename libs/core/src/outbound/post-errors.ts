/**
 * A POST of a notification that did not get an answer. The message never holds the URL: the
 * URLs of IM bots carry their credentials, and these messages go to the delivery log.
 */
export class PostFailed extends Error {
  constructor(
    readonly reason: string,
    /** True when nothing was sent: the URL or its address is refused by the configuration. */
    readonly refused = false,
  ) {
    super(reason);
    this.name = 'PostFailed';
  }
}
