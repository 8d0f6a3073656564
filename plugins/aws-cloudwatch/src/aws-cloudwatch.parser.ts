import {
  PayloadError,
  type ParseContext,
  type ParsedEvent,
  type SubscriptionHandshake,
} from '@alert-hub/plugin-sdk';
import { cloudWatchAlarmEvent } from './cloudwatch-alarm.js';
import { snsMessageOfBody } from './sns-message.js';

/**
 * A `SubscriptionConfirmation` is confirmed, not parsed: the core GETs its `SubscribeURL` once
 * (an SNS host only) and SNS then starts delivering the topic's notifications.
 */
export function snsSubscriptionHandshake(
  body: unknown,
  _context: ParseContext,
): SubscriptionHandshake | undefined {
  const message = snsMessageOfBody(body);
  if (message.type !== 'SubscriptionConfirmation') return undefined;
  if (message.subscribeUrl === undefined) {
    throw new PayloadError(
      'is required (the URL that confirms the subscription)',
      '$.SubscribeURL',
    );
  }
  return {
    confirmUrl: message.subscribeUrl,
    messageId: message.messageId,
    description: `SNS subscription to ${message.topicArn}`,
  };
}

/**
 * An SNS message to events: a notification carries one CloudWatch alarm state change; an
 * `UnsubscribeConfirmation` says the subscription ended, and gives no event (a note says so).
 */
export function parseAwsCloudwatchWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const message = snsMessageOfBody(body);
  switch (message.type) {
    case 'Notification':
      return [cloudWatchAlarmEvent(message)];
    case 'UnsubscribeConfirmation':
      context.note(
        `SNS: the subscription to ${message.topicArn} was deleted (UnsubscribeConfirmation); nothing stored. Subscribe the push URL again to receive its alarms`,
      );
      return [];
    case 'SubscriptionConfirmation':
      context.note(`SNS subscription confirmation of ${message.topicArn}: confirmed, not parsed`);
      return [];
  }
}
