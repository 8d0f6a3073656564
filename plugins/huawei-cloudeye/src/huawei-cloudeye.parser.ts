import { readTime, type ParseContext, type ParsedEvent } from '@alert-hub/plugin-sdk';
import { readCesAlarm } from './ces-alarm-message.js';
import { readSmnMessage, type SmnMessage } from './smn-message.js';

/** One event for the Cloud Eye alarm a notification carries. */
function cesAlarmEvent(notification: SmnMessage): ParsedEvent {
  const alarm = readCesAlarm(notification.message);
  const time = alarm.time ?? readTime(notification.timestamp, '$.timestamp');
  const resolved = alarm.status === 'resolved';
  return {
    status: alarm.status,
    alertKey: alarm.alertKeyParts.join('/'),
    title: alarm.title,
    description: alarm.description ?? notification.subject,
    labels: { ...alarm.labels, topic_urn: notification.topicUrn },
    annotations: Object.keys(alarm.annotations).length === 0 ? undefined : alarm.annotations,
    startsAt: resolved ? undefined : time,
    endsAt: resolved ? time : undefined,
    eventTime: time,
    links: alarm.consoleUrl === undefined ? undefined : { sourceUrl: alarm.consoleUrl },
    raw: notification.envelope,
  };
}

/**
 * Parses what SMN posts to an HTTP(S) subscription: a notification gives the event of the Cloud
 * Eye alarm in its `message`; the subscription messages give none, and say why in the push log.
 * A subscription confirmation reaches `parse` only when the core did not take it as a handshake
 * (the admin's test push, a route preview).
 */
export function parseHuaweiCloudeyeWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const smn = readSmnMessage(body);
  switch (smn.type) {
    case 'Notification':
      return [cesAlarmEvent(smn)];
    case 'SubscriptionConfirmation':
      context.note(
        `SMN subscription confirmation for ${smn.topicUrn}: it holds no alarm (Alert Hub ` +
          'confirms a subscription when SMN sends it)',
      );
      return [];
    case 'UnsubscribeConfirmation':
      context.note(
        `SMN unsubscribed this URL from ${smn.topicUrn}: no alarm of that topic arrives until ` +
          'it is subscribed again',
      );
      return [];
  }
}
