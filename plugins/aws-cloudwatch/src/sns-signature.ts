import { keyValueLines, type RsaSignatureDigest } from '@alert-hub/plugin-sdk';
import type { SnsMessage } from './sns-message.js';

/** SignatureVersion "1" is SHA1withRSA, "2" SHA256withRSA (SNS message signing). */
export const SNS_SIGNATURE_DIGESTS: Readonly<Record<string, RsaSignatureDigest>> = {
  '1': 'sha1',
  '2': 'sha256',
};

/**
 * The text SNS signs: key and value lines in a fixed order, which differs for notifications and
 * for (un)subscription confirmations (docs.aws.amazon.com/sns/latest/dg/
 * sns-verify-signature-of-message-verify-message-signature.html). A notification's Subject is in
 * it only when the message has one.
 */
export function snsSignedText(message: SnsMessage): string {
  if (message.type === 'Notification') {
    return keyValueLines([
      ['Message', message.message],
      ['MessageId', message.messageId],
      ['Subject', message.subject],
      ['Timestamp', message.timestamp],
      ['TopicArn', message.topicArn],
      ['Type', message.type],
    ]);
  }
  return keyValueLines([
    ['Message', message.message],
    ['MessageId', message.messageId],
    ['SubscribeURL', message.subscribeUrl],
    ['Timestamp', message.timestamp],
    ['Token', message.token],
    ['TopicArn', message.topicArn],
    ['Type', message.type],
  ]);
}
