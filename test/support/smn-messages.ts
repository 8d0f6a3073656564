import { keyValueLines } from '@alert-hub/plugin-sdk';
import { randomUUID } from 'node:crypto';
import { signAsFakeHost } from './fake-https-host.js';

/** Where the tests' SMN messages say SMN keeps its certificate: the fake host serves it. */
export const SMN_CERT_PATH = '/smn/SMN_sa-brazil-1_fakehost.pem';
export const SMN_HOST = 'smn.sa-brazil-1.myhuaweicloud.com';
export const SMN_CONSOLE_HOST = 'sa-brazil-1-console.huaweicloud.com';
export const SMN_CONFIRM_PATH = '/smn/subscription/confirm';
export const SMN_TOPIC = 'urn:smn:sa-brazil-1:bd4140f92d7941cdb34be53d74e37ac5:alert-hub';

type SmnMessage = Record<string, string>;

/**
 * An SMN message signed as SMN signs (support.huaweicloud.com usermanual-smn smn_ug_a9003:
 * the fields in alphabetical order, name and value on lines of their own; SHA256withRSA), with
 * the fake host's key, written here apart from the plugin so that the two have to agree.
 */
function signed(message: SmnMessage): SmnMessage {
  const names =
    message.type === 'Notification'
      ? ['message', 'message_id', 'subject', 'timestamp', 'topic_urn', 'type']
      : ['message', 'message_id', 'subscribe_url', 'timestamp', 'topic_urn', 'type'];
  const text = keyValueLines(
    names.map((name) => [name, message[name] === '' ? undefined : message[name]] as const),
  );
  return { ...message, signature_version: 'v1', signature: signAsFakeHost('sha256', text) };
}

/** A signed notification of a Cloud Eye alarm (the flat form), firing or recovered. */
export function cesAlarmNotification(
  alarmName: string,
  status: 'alarm' | 'ok',
  options: { certUrl?: string; topic?: string } = {},
): SmnMessage {
  const alarm = {
    message_type: 'alarm',
    alarm_id: `al1767000000000${alarmName}`,
    alarm_name: alarmName,
    alarm_status: status,
    time: 1767996012345,
    namespace: 'SYS.ECS',
    metric_name: 'cpu_util',
    dimension: 'instance_id:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    template_variable: {
      AlarmLevel: 'Critical',
      ResourceName: 'web-1',
      IsAlarm: status === 'alarm',
    },
  };
  return signed({
    type: 'Notification',
    message_id: randomUUID().replaceAll('-', ''),
    topic_urn: options.topic ?? SMN_TOPIC,
    subject: `[Critical ${status === 'alarm' ? 'Alarm' : 'Ok'}] ${alarmName}`,
    message: JSON.stringify(alarm),
    timestamp: '2026-01-09T22:00:13Z',
    unsubscribe_url: `https://${SMN_CONSOLE_HOST}/smn/subscription/unsubscribe?region=sa-brazil-1`,
    signing_cert_url: options.certUrl ?? `https://${SMN_HOST}${SMN_CERT_PATH}`,
  });
}

function subscriptionMessage(
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
  confirmUrl: string,
): SmnMessage {
  const token = randomUUID().replaceAll('-', '');
  return signed({
    type,
    message_id: randomUUID().replaceAll('-', ''),
    topic_urn: SMN_TOPIC,
    message: `You are invited to subscribe to topic: ${SMN_TOPIC}.`,
    subscribe_url: `${confirmUrl}?token=${token}&topic_urn=${SMN_TOPIC}&region=sa-brazil-1`,
    timestamp: '2026-01-09T21:59:00Z',
    signing_cert_url: `https://${SMN_HOST}${SMN_CERT_PATH}`,
  });
}

/** A signed `SubscriptionConfirmation` whose `subscribe_url` is at `confirmUrl`. */
export function smnSubscriptionConfirmation(
  confirmUrl = `https://${SMN_CONSOLE_HOST}${SMN_CONFIRM_PATH}`,
): SmnMessage {
  return subscriptionMessage('SubscriptionConfirmation', confirmUrl);
}

/** A signed `UnsubscribeConfirmation`: its `subscribe_url` would subscribe again. */
export function smnUnsubscribeConfirmation(): SmnMessage {
  return subscriptionMessage(
    'UnsubscribeConfirmation',
    `https://${SMN_CONSOLE_HOST}${SMN_CONFIRM_PATH}`,
  );
}
