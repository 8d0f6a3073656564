import { describe, expect, it } from '@jest/globals';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parseAwsCloudwatchWebhook, snsSubscriptionHandshake } from './aws-cloudwatch.parser.js';

const ALARM = {
  AlarmName: 'cpu',
  AWSAccountId: '123456789012',
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed',
  StateChangeTime: '2026-01-10T09:00:12.345+0000',
  Region: 'US West (Oregon)',
};

function notification(message: unknown, overrides: Record<string, unknown> = {}) {
  return {
    Type: 'Notification',
    MessageId: 'm-1',
    TopicArn: 'arn:aws:sns:us-west-2:123456789012:ops-alarms',
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2026-01-10T09:00:12.400Z',
    ...overrides,
  };
}

function parse(body: unknown) {
  return parseAwsCloudwatchWebhook(body, fixtureParseContext());
}

describe('parseAwsCloudwatchWebhook', () => {
  it('reads the message sent as text (SNS default) as it reads it sent as JSON', () => {
    const body = notification(ALARM);
    expect(parse(JSON.stringify(body))).toEqual(parse(body));
    expect(parse(body)[0]).toMatchObject({
      status: 'firing',
      alertKey: '123456789012/US West (Oregon)/cpu',
      startsAt: new Date('2026-01-10T09:00:12.345Z'),
    });
  });

  it('refuses a notification whose Message is not a CloudWatch alarm', () => {
    expect(catchPayloadError(() => parse(notification('hello'))).message).toBe(
      '$.Message: expected a CloudWatch alarm as JSON text, got "hello"',
    );
    expect(catchPayloadError(() => parse(notification({ greeting: 'hello' }))).message).toBe(
      '$.Message.AlarmName: is required (a string)',
    );
    expect(
      catchPayloadError(() => parse(notification({ ...ALARM, NewStateValue: 'PANIC' }))).message,
    ).toBe('$.Message.NewStateValue: expected ALARM, OK, INSUFFICIENT_DATA, got "PANIC"');
  });

  it('refuses what is not an SNS message, naming the field', () => {
    expect(catchPayloadError(() => parse('{')).message).toBe(
      '$: expected an SNS message as JSON text, got "{"',
    );
    expect(catchPayloadError(() => parse(notification(ALARM, { Type: 'Event' }))).message).toBe(
      '$.Type: expected Notification, SubscriptionConfirmation, UnsubscribeConfirmation, got "Event"',
    );
    expect(
      catchPayloadError(() =>
        parse(notification({ ...ALARM, StateChangeTime: '15/02/2019 23:53' })),
      ).path,
    ).toBe('$.Message.StateChangeTime');
  });

  it('notes an unsubscribe and stores nothing', () => {
    const context = fixtureParseContext();
    const unsubscribe = { ...notification(''), Type: 'UnsubscribeConfirmation', Message: 'bye' };
    expect(parseAwsCloudwatchWebhook(unsubscribe, context)).toEqual([]);
    expect(context.notes).toEqual([
      'SNS: the subscription to arn:aws:sns:us-west-2:123456789012:ops-alarms was deleted (UnsubscribeConfirmation); nothing stored. Subscribe the push URL again to receive its alarms',
    ]);
  });
});

describe('snsSubscriptionHandshake', () => {
  const confirmation = {
    ...notification('You have chosen to subscribe'),
    Type: 'SubscriptionConfirmation',
    SubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=t',
  };

  it('asks to confirm a subscription at its SubscribeURL, once per MessageId', () => {
    expect(snsSubscriptionHandshake(confirmation, fixtureParseContext())).toEqual({
      confirmUrl: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=t',
      messageId: 'm-1',
      description: 'SNS subscription to arn:aws:sns:us-west-2:123456789012:ops-alarms',
    });
  });

  it('leaves notifications to parse, and refuses a confirmation without its URL', () => {
    expect(snsSubscriptionHandshake(notification(ALARM), fixtureParseContext())).toBeUndefined();
    const { SubscribeURL: _url, ...withoutUrl } = confirmation;
    expect(
      catchPayloadError(() => snsSubscriptionHandshake(withoutUrl, fixtureParseContext())).path,
    ).toBe('$.SubscribeURL');
  });
});
