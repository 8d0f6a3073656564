/** A URL a plugin asked the core to fetch is not HTTPS on one of the plugin's `outboundHosts`. */
export class OutboundHostNotAllowed extends Error {
  constructor(readonly url: string) {
    super(`${url} is not an HTTPS URL on a host this plugin may contact`);
    this.name = 'OutboundHostNotAllowed';
  }
}

/** An allowed host could not be reached, timed out, redirected elsewhere or answered badly. */
export class OutboundRequestFailed extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'OutboundRequestFailed';
  }
}
