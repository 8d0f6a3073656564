import {
  PayloadError,
  childPath,
  readJsonText,
  readObject,
  readOptionalString,
  readString,
  type JsonObject,
} from '@alert-hub/plugin-sdk';

export const SNS_MESSAGE_TYPES = [
  'Notification',
  'SubscriptionConfirmation',
  'UnsubscribeConfirmation',
] as const;
export type SnsMessageType = (typeof SNS_MESSAGE_TYPES)[number];

/**
 * The JSON document SNS posts to an HTTP(S) subscription (docs.aws.amazon.com/sns/latest/dg/
 * http-notification-json.html and http-subscription-confirmation-json.html).
 */
export interface SnsMessage {
  type: SnsMessageType;
  messageId: string;
  topicArn: string;
  /** Notifications only, and only when the publisher gave one. */
  subject: string | undefined;
  /** A notification's payload (a CloudWatch alarm, as JSON text), or the confirmation's text. */
  message: string;
  timestamp: string;
  signatureVersion: string | undefined;
  signature: string | undefined;
  signingCertUrl: string | undefined;
  /** Confirmations only: what confirms the subscription, and its token. */
  subscribeUrl: string | undefined;
  token: string | undefined;
  /** The document as received. */
  raw: JsonObject;
}

function field(document: JsonObject, name: string): string {
  return readString(document[name], childPath('$', name));
}

function optionalField(document: JsonObject, name: string): string | undefined {
  return readOptionalString(document[name], childPath('$', name));
}

function readType(document: JsonObject): SnsMessageType {
  const type = field(document, 'Type');
  const known = SNS_MESSAGE_TYPES.find((candidate) => candidate === type);
  if (known === undefined) {
    throw new PayloadError(
      `expected ${SNS_MESSAGE_TYPES.join(', ')}, got ${JSON.stringify(type)}`,
      '$.Type',
    );
  }
  return known;
}

/** The fields of an SNS message document; throws `PayloadError` naming the field. */
export function readSnsMessage(document: JsonObject): SnsMessage {
  return {
    type: readType(document),
    messageId: field(document, 'MessageId'),
    topicArn: field(document, 'TopicArn'),
    subject: optionalField(document, 'Subject'),
    message: field(document, 'Message'),
    timestamp: field(document, 'Timestamp'),
    signatureVersion: optionalField(document, 'SignatureVersion'),
    signature: optionalField(document, 'Signature'),
    signingCertUrl: optionalField(document, 'SigningCertURL'),
    subscribeUrl: optionalField(document, 'SubscribeURL'),
    token: optionalField(document, 'Token'),
    raw: document,
  };
}

/**
 * The message as `parse` and `handshake` receive it: text (SNS's default `text/plain`) or, when
 * the subscription's delivery policy asks for `application/json`, the parsed document.
 */
export function snsMessageOfBody(body: unknown): SnsMessage {
  const document = typeof body === 'string' ? readJsonText(body, '$', 'an SNS message') : body;
  return readSnsMessage(readObject(document, '$'));
}
