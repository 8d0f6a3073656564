import {
  PayloadError,
  childPath,
  keyValueLines,
  readJsonText,
  readObject,
  readOptionalString,
  readString,
  type JsonObject,
} from '@alert-hub/plugin-sdk';

/**
 * The message types SMN sends an HTTP(S) subscriber (smn_ug_a9002). Newer docs also name
 * `HttpSubscriptionUserConfirm` and `HttpSubscriptionUserUnsubscribe`, without saying what they
 * carry or which fields they sign: they are refused rather than guessed at.
 */
export const SMN_MESSAGE_TYPES = [
  'SubscriptionConfirmation',
  'Notification',
  'UnsubscribeConfirmation',
] as const;

export type SmnMessageType = (typeof SMN_MESSAGE_TYPES)[number];

/** The JSON envelope of every SMN push to an HTTP(S) subscription. */
export interface SmnMessage {
  readonly type: SmnMessageType;
  readonly messageId: string;
  readonly topicUrn: string;
  /** The published text: for a Cloud Eye notification, the alarm as a JSON string. */
  readonly message: string;
  /** `YYYY-MM-DDThh:mm:ssZ`, when SMN first sent the message. */
  readonly timestamp: string;
  /** Notifications only; SMN leaves an empty subject out of what it signs. */
  readonly subject?: string;
  /** Confirmations only: the GET that confirms (or, after an unsubscribe, renews) the subscription. */
  readonly subscribeUrl?: string;
  readonly signature?: string;
  readonly signatureVersion?: string;
  readonly signingCertUrl?: string;
  /** The envelope as received. */
  readonly envelope: JsonObject;
}

function isSmnMessageType(value: string): value is SmnMessageType {
  return (SMN_MESSAGE_TYPES as readonly string[]).includes(value);
}

/**
 * The body as a JSON object: parsed by the core (`application/json`), or text (`text/plain`)
 * parsed here with the same guarantees.
 */
function readEnvelope(body: unknown): JsonObject {
  const parsed = typeof body === 'string' ? readJsonText(body, '$', 'an SMN message') : body;
  return readObject(parsed, '$');
}

function readType(envelope: JsonObject): SmnMessageType {
  const path = childPath('$', 'type');
  const type = readString(envelope.type, path);
  if (!isSmnMessageType(type)) {
    throw new PayloadError(
      `expected ${SMN_MESSAGE_TYPES.join(', ')}, got ${JSON.stringify(type)}`,
      path,
    );
  }
  return type;
}

function readRequired(envelope: JsonObject, name: string): string {
  const path = childPath('$', name);
  const value = readString(envelope[name], path);
  if (value.trim() === '') throw new PayloadError('must not be empty', path);
  return value;
}

function readOptional(envelope: JsonObject, name: string): string | undefined {
  return readOptionalString(envelope[name], childPath('$', name));
}

/**
 * Reads the envelope SMN posts (smn_ug_a9002): the fields that identify and sign the message.
 * The signature fields stay optional here; `verify` requires them when it checks signatures.
 */
export function readSmnMessage(body: unknown): SmnMessage {
  const envelope = readEnvelope(body);
  const type = readType(envelope);
  return {
    type,
    messageId: readRequired(envelope, 'message_id'),
    topicUrn: readRequired(envelope, 'topic_urn'),
    message: readString(envelope.message, childPath('$', 'message')),
    timestamp: readRequired(envelope, 'timestamp'),
    subject: type === 'Notification' ? readOptional(envelope, 'subject') : undefined,
    subscribeUrl: type === 'Notification' ? undefined : readRequired(envelope, 'subscribe_url'),
    signature: readOptional(envelope, 'signature'),
    signatureVersion: readOptional(envelope, 'signature_version'),
    signingCertUrl: readOptional(envelope, 'signing_cert_url'),
    envelope,
  };
}

/**
 * The text SMN signs (smn_ug_a9003): the signed fields in alphabetical order, each name on one
 * line and its value on the next. A notification signs its subject only when it has one.
 */
export function smnSignedText(message: SmnMessage): string {
  const common = [
    ['message', message.message],
    ['message_id', message.messageId],
  ] as const;
  const tail = [
    ['timestamp', message.timestamp],
    ['topic_urn', message.topicUrn],
    ['type', message.type],
  ] as const;
  const middle =
    message.type === 'Notification'
      ? ([['subject', message.subject]] as const)
      : ([['subscribe_url', message.subscribeUrl]] as const);
  return keyValueLines([...common, ...middle, ...tail]);
}
