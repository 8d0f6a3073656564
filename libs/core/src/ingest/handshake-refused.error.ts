import { ReasonedPushError } from './reasoned-push-error.js';

/** A subscription handshake whose URL is not on the plugin's allowlist: it is never fetched. */
export class HandshakeRefusedError extends ReasonedPushError {
  constructor(reason: string) {
    super(
      400,
      'HandshakeRefused',
      'the subscription confirmation names a URL this source may not be confirmed at',
      reason,
    );
  }
}
