import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseContext } from '@alert-hub/plugin-sdk';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parseHuaweiCloudeyeWebhook } from './huawei-cloudeye.parser.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

type Envelope = Record<string, unknown>;

function fixture(name: string): Envelope {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Envelope;
}

function parse(body: unknown, context: ParseContext = fixtureParseContext()) {
  return parseHuaweiCloudeyeWebhook(body, context);
}

/** A real flat-form notification whose alarm has been changed by `change`. */
function withAlarm(change: (alarm: Record<string, unknown>) => void): Envelope {
  const envelope = fixture('notification-alarm-sa-brazil-1.json');
  const alarm = JSON.parse(envelope.message as string) as Record<string, unknown>;
  change(alarm);
  return { ...envelope, message: JSON.stringify(alarm) };
}

/** The real data-form notification with its `data` changed by `change`. */
function withData(change: (data: Record<string, unknown>) => void): Envelope {
  const envelope = fixture('notification-data-form-cn-north-4.json');
  const alarm = JSON.parse(envelope.message as string) as { data: Record<string, unknown> };
  change(alarm.data);
  return { ...envelope, message: JSON.stringify(alarm) };
}

function notes(body: unknown): { events: number; notes: string[] } {
  const context = fixtureParseContext();
  const events = parse(body, context);
  return { events: events.length, notes: context.notes };
}

describe('parseHuaweiCloudeyeWebhook', () => {
  it('reads a notification sent as text like one sent as JSON', () => {
    const envelope = fixture('notification-alarm-sa-brazil-1.json');
    expect(parse(JSON.stringify(envelope))).toEqual(parse(envelope));
  });

  it('gives the firing and the recovery of one alarm the same key', () => {
    const [firing] = parse(fixture('constructed-notification-otc-rds.json'));
    const [recovered] = parse(fixture('constructed-ok-manual.json'));
    expect(recovered?.alertKey).toBe(firing?.alertKey);
    const [dataFiring] = parse(fixture('notification-data-form-cn-north-4.json'));
    const [dataRecovered] = parse(fixture('constructed-data-form-recovered.json'));
    expect(dataRecovered?.alertKey).toBe(dataFiring?.alertKey);
  });

  it('stores nothing for the subscription messages, and says why in the push log', () => {
    expect(notes(fixture('unsubscribe-confirmation-doc-sample.json'))).toEqual({
      events: 0,
      notes: [
        'SMN unsubscribed this URL from urn:smn:region01:0a419ac94f80f2c62f14c01e34******:test_******: ' +
          'no alarm of that topic arrives until it is subscribed again',
      ],
    });
    const confirmation = notes(fixture('subscription-confirmation-cn-north-4.json'));
    expect(confirmation.events).toBe(0);
    expect(confirmation.notes).toEqual([
      expect.stringMatching(/^SMN subscription confirmation for urn:smn:cn-north-4:/),
    ]);
  });

  describe('refuses', () => {
    it('a body that is no SMN message', () => {
      expect(catchPayloadError(() => parse([])).path).toBe('$');
      expect(catchPayloadError(() => parse('{"type":')).message).toBe(
        '$: expected an SMN message as JSON text, got "{\\"type\\":"',
      );
    });

    it('a message type it does not know', () => {
      const envelope = { ...fixture('notification-alarm-sa-brazil-1.json') };
      envelope.type = 'HttpSubscriptionUserConfirm';
      expect(catchPayloadError(() => parse(envelope)).message).toBe(
        '$.type: expected SubscriptionConfirmation, Notification, UnsubscribeConfirmation, ' +
          'got "HttpSubscriptionUserConfirm"',
      );
    });

    it('a notification whose message is not a Cloud Eye alarm', () => {
      const notAlarm =
        '$.message: is not a Cloud Eye alarm: expected a JSON object with alarm_id and ' +
        'alarm_status, or with version and data (something else published to the topic?)';
      const envelope = fixture('notification-alarm-sa-brazil-1.json');
      for (const message of ['[1, 2]', '{"eventType": 1}']) {
        expect(catchPayloadError(() => parse({ ...envelope, message })).message).toBe(notAlarm);
      }
      expect(
        catchPayloadError(() => parse({ ...envelope, message: 'My test message' })).message,
      ).toBe('$.message: expected a Cloud Eye alarm as JSON text, got "My test message"');
    });

    it('a message nested deeper than the core stores', () => {
      const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
      const envelope = fixture('notification-alarm-sa-brazil-1.json');
      const message = `{"alarm_id": "al1", "alarm_status": "alarm", "extra": ${deep}}`;
      expect(catchPayloadError(() => parse({ ...envelope, message })).message).toMatch(
        /^\$\.message\.extra(\[0\])+: nested deeper than 32 levels/,
      );
    });

    it('an alarm_status it does not know, or none', () => {
      expect(
        catchPayloadError(() => parse(withAlarm((alarm) => (alarm.alarm_status = 'firing'))))
          .message,
      ).toBe(
        '$.message.alarm_status: expected alarm, insufficient_data, ok, ok_manual, invalid, got "firing"',
      );
      expect(
        catchPayloadError(() => parse(withAlarm((alarm) => delete alarm.alarm_status))).path,
      ).toBe('$.message.alarm_status');
    });

    it('an alarm without its rule id', () => {
      expect(
        catchPayloadError(() => parse(withAlarm((alarm) => delete alarm.alarm_id))).message,
      ).toBe("$.message.alarm_id: is required (the alarm rule's id)");
    });

    it('an alarm time that is no epoch time, and a level that is no text', () => {
      expect(
        catchPayloadError(() => parse(withAlarm((alarm) => (alarm.time = 'yesterday')))).path,
      ).toBe('$.message.time');
      const nestedLevel = withAlarm((alarm) => {
        alarm.template_variable = { AlarmLevel: { level: 2 } };
      });
      expect(catchPayloadError(() => parse(nestedLevel)).path).toBe(
        '$.message.template_variable.AlarmLevel',
      );
    });

    it('a data-form alarm with neither rule id nor name, or an IsAlarm that is no boolean', () => {
      expect(
        catchPayloadError(() => parse(withData((data) => delete data.AlarmRuleName))).path,
      ).toBe('$.message.data.AlarmRuleName');
      expect(
        catchPayloadError(() => parse(withData((data) => (data.IsAlarm = 'yes')))).message,
      ).toBe('$.message.data.IsAlarm: expected true or false, got "yes"');
    });
  });

  it('resolves a data-form alarm without IsAlarm, and keys it by AlarmId when there is one', () => {
    const [event] = parse(
      withData((data) => {
        delete data.IsAlarm;
        data.AlarmId = 'al1748876000000abcdefghij';
      }),
    );
    expect(event?.status).toBe('resolved');
    expect(event?.alertKey).toBe(
      'al1748876000000abcdefghij/3dc7b9ea-70b4-4c38-942d-e2636e6d844c/每秒并发操作数',
    );
  });

  it('takes the time SMN sent a data-form alarm whose AlarmTime is in another form', () => {
    const [event] = parse(withData((data) => (data.AlarmTime = '06 02, 2025 22:56:15 GMT+08:00')));
    expect(event?.eventTime).toEqual(new Date('2025-06-02T14:56:17Z'));
  });
});
