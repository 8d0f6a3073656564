import { keyValueLines } from '@alert-hub/plugin-sdk';
import { randomUUID } from 'node:crypto';
import { signAsFakeHost } from './fake-https-host.js';

/** Where the tests' SNS messages say SNS keeps its certificate: the fake host serves it. */
export const SNS_CERT_PATH = '/SimpleNotificationService-fake-host.pem';
export const SNS_HOST = 'sns.us-west-2.amazonaws.com';
export const SNS_TOPIC = 'arn:aws:sns:us-west-2:123456789012:ops-alarms';

type SnsDocument = Record<string, string>;

/**
 * An SNS message signed as SNS signs (docs.aws.amazon.com/sns/latest/dg/
 * sns-verify-signature-of-message-verify-message-signature.html), with the fake host's key, written
 * here apart from the plugin so that the two have to agree.
 */
function signed(document: SnsDocument, version: '1' | '2'): SnsDocument {
  const names =
    document.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const text = keyValueLines(names.map((name) => [name, document[name]] as const));
  return {
    ...document,
    SignatureVersion: version,
    Signature: signAsFakeHost(version === '1' ? 'sha1' : 'sha256', text),
  };
}

/** A signed notification of a CloudWatch alarm state change. */
export function alarmNotification(
  alarmName: string,
  state: 'ALARM' | 'OK',
  options: { version?: '1' | '2'; certUrl?: string } = {},
): SnsDocument {
  const alarm = {
    AlarmName: alarmName,
    AWSAccountId: '123456789012',
    NewStateValue: state,
    NewStateReason: `${alarmName} is ${state}`,
    StateChangeTime: '2026-01-10T09:00:12.345+0000',
    Region: 'US West (Oregon)',
    AlarmArn: `arn:aws:cloudwatch:us-west-2:123456789012:alarm:${alarmName}`,
    OldStateValue: state === 'OK' ? 'ALARM' : 'OK',
    Trigger: { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Dimensions: [] },
  };
  return signed(
    {
      Type: 'Notification',
      MessageId: randomUUID(),
      TopicArn: SNS_TOPIC,
      Subject: `${state}: "${alarmName}" in US West (Oregon)`,
      Message: JSON.stringify(alarm),
      Timestamp: '2026-01-10T09:00:12.400Z',
      SigningCertURL: options.certUrl ?? `https://${SNS_HOST}${SNS_CERT_PATH}`,
      UnsubscribeURL: `https://${SNS_HOST}/?Action=Unsubscribe&SubscriptionArn=${SNS_TOPIC}:1`,
    },
    options.version ?? '2',
  );
}

/** A signed `SubscriptionConfirmation` whose `SubscribeURL` is at `confirmUrl`. */
export function subscriptionConfirmation(
  confirmUrl: string,
  version: '1' | '2' = '1',
): SnsDocument {
  const token = randomUUID().replaceAll('-', '');
  return signed(
    {
      Type: 'SubscriptionConfirmation',
      MessageId: randomUUID(),
      Token: token,
      TopicArn: SNS_TOPIC,
      Message: `You have chosen to subscribe to the topic ${SNS_TOPIC}.`,
      SubscribeURL: `${confirmUrl}${confirmUrl.includes('?') ? '&' : '?'}Token=${token}`,
      Timestamp: '2026-01-10T09:00:00.000Z',
      SigningCertURL: `https://${SNS_HOST}${SNS_CERT_PATH}`,
    },
    version,
  );
}
