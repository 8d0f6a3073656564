import { PayloadError, type ParseContext, type SubscriptionHandshake } from '@alert-hub/plugin-sdk';
import { readSmnMessage } from './smn-message.js';

/** Where SMN's confirmation URLs lead (`https://console…/smn/subscription/confirm?token=…`). */
const CONFIRMATION_PATH = '/smn/subscription/confirm';

function readConfirmUrl(subscribeUrl: string): string {
  let url: URL;
  try {
    url = new URL(subscribeUrl);
  } catch {
    throw new PayloadError('expected an HTTPS URL', '$.subscribe_url');
  }
  if (url.protocol !== 'https:' || url.pathname !== CONFIRMATION_PATH) {
    throw new PayloadError(`expected an HTTPS URL of path ${CONFIRMATION_PATH}`, '$.subscribe_url');
  }
  return subscribeUrl;
}

/**
 * SMN delivers nothing to a new HTTP(S) subscription until its `subscribe_url` has been fetched:
 * a `SubscriptionConfirmation` is that handshake. An `UnsubscribeConfirmation` also has a
 * `subscribe_url`, which would subscribe again: it is no handshake, and is left to `parse`.
 */
export function smnSubscriptionHandshake(
  body: unknown,
  _context: ParseContext,
): SubscriptionHandshake | undefined {
  const message = readSmnMessage(body);
  if (message.type !== 'SubscriptionConfirmation' || message.subscribeUrl === undefined) {
    return undefined;
  }
  return {
    confirmUrl: readConfirmUrl(message.subscribeUrl),
    messageId: message.messageId,
    description: `SMN subscription to ${message.topicUrn}`,
  };
}
