import { describe, expect, it } from '@jest/globals';
import {
  catchPayloadError,
  fixtureParseContext,
  toExpectedEvents,
} from '@alert-hub/plugin-sdk/testing';
import capturedFiring from '../fixtures/captured-metric-firing.json' with { type: 'json' };
import capturedResolved from '../fixtures/captured-metric-resolved.json' with { type: 'json' };
import docEvent from '../fixtures/doc-event-firing.json' with { type: 'json' };
import { TencentCloudMonitorPlugin } from './tencent-cloud-monitor.plugin.js';
import { parseTencentCloudMonitorWebhook } from './tencent-cloud-monitor.parser.js';

type Alarm = Record<string, unknown>;

function parseOne(body: unknown, settings: Record<string, string> = {}) {
  const [event] = parseTencentCloudMonitorWebhook(body, { ...fixtureParseContext(), settings });
  if (event === undefined) throw new Error('expected one event');
  return event;
}

function refusal(body: unknown) {
  const error = catchPayloadError(() =>
    parseTencentCloudMonitorWebhook(body, fixtureParseContext()),
  );
  return error.message;
}

/** The captured firing alarm with some of its parts changed. */
function alarm(changes: Alarm = {}, dimensions?: Alarm, conditions?: Alarm): Alarm {
  return {
    ...capturedFiring,
    ...changes,
    alarmObjInfo: {
      ...capturedFiring.alarmObjInfo,
      dimensions: dimensions ?? capturedFiring.alarmObjInfo.dimensions,
    },
    alarmPolicyInfo: {
      ...capturedFiring.alarmPolicyInfo,
      conditions: conditions ?? capturedFiring.alarmPolicyInfo.conditions,
    },
  };
}

function severityOf(body: unknown): string | undefined {
  const plugin = new TencentCloudMonitorPlugin();
  return toExpectedEvents(plugin, [parseOne(body)])[0]?.severity;
}

describe('parseTencentCloudMonitorWebhook', () => {
  it('folds the captured alarm and its recovery into one alert, though their sessionId differs', () => {
    expect(capturedResolved.sessionId).not.toBe(capturedFiring.sessionId);
    const firing = parseOne(capturedFiring);
    const resolved = parseOne(capturedResolved);
    expect([firing.status, resolved.status]).toEqual(['firing', 'resolved']);
    expect(resolved.alertKey).toBe(firing.alertKey);
    expect(resolved.startsAt).toEqual(firing.startsAt);
  });

  it('reads firstOccurTime and recoverTime in one zone: the durationTime of a recovery spans them', () => {
    const resolved = parseOne(capturedResolved);
    const spanSeconds = (resolved.endsAt!.getTime() - resolved.startsAt!.getTime()) / 1000;
    expect(spanSeconds).toBe(capturedResolved.durationTime);
  });

  it('reads alarmStatus as a string or a number', () => {
    expect(parseOne(alarm({ alarmStatus: 1 })).status).toBe('firing');
    expect(parseOne(alarm({ alarmStatus: '1' })).status).toBe('firing');
    expect(parseOne(alarm({ alarmStatus: 0 })).status).toBe('resolved');
    expect(parseOne(alarm({ alarmStatus: '0' })).status).toBe('resolved');
  });

  it('refuses any other alarmStatus, naming the value', () => {
    expect(refusal(alarm({ alarmStatus: '2' }))).toBe(
      '$.alarmStatus: expected "1" (alarm) or "0" (recovered), got 2',
    );
    expect(refusal(alarm({ alarmStatus: -1 }))).toBe(
      '$.alarmStatus: expected "1" (alarm) or "0" (recovered), got -1',
    );
    expect(refusal(alarm({ alarmStatus: 'ALARM' }))).toBe(
      '$.alarmStatus: expected an integer, got a string "ALARM"',
    );
    expect(refusal(alarm({ alarmStatus: true }))).toBe(
      '$.alarmStatus: expected an integer, got a boolean true',
    );
    expect(refusal(alarm({ alarmStatus: undefined }))).toBe(
      '$.alarmStatus: is required ("1" when the alarm fires, "0" when it recovers)',
    );
  });

  it('reads the local times in the timezone setting, Asia/Shanghai when it has none', () => {
    expect(parseOne(capturedFiring).startsAt?.toISOString()).toBe('2021-05-04T20:37:00.000Z');
    expect(parseOne(capturedFiring, { timezone: 'UTC' }).startsAt?.toISOString()).toBe(
      '2021-05-05T04:37:00.000Z',
    );
    const resolved = parseOne(capturedResolved, { timezone: 'America/New_York' });
    expect(resolved.endsAt?.toISOString()).toBe('2021-05-06T12:46:00.000Z');
  });

  it('keys on the policy, the object and the metric or event, never on the push ids or level', () => {
    const key = parseOne(capturedFiring).alertKey;
    const sessionId = 'a2Xy9';
    expect(parseOne(alarm({ sessionId, alertId: `${sessionId}_Warn` })).alertKey).toBe(key);
    expect(parseOne(alarm({ durationTime: 60 })).alertKey).toBe(key);
    const otherMetric = { ...capturedFiring.alarmPolicyInfo.conditions, metricName: 'cpu_usage' };
    expect(parseOne(alarm({}, undefined, otherMetric)).alertKey).not.toBe(key);
    const otherObject = { ...capturedFiring.alarmObjInfo.dimensions, objId: 'other' };
    expect(parseOne(alarm({}, otherObject)).alertKey).not.toBe(key);
  });

  it('takes the object from unInstanceId without objId, and from all dimensions without both', () => {
    expect(parseOne(alarm({}, { unInstanceId: 'ins-1', objName: 'web' })).alertKey).toBe(
      'policy-9dz6qbwy|ins-1|metric:disk_usage',
    );
    const first = parseOne(alarm({}, { vip: '10.0.0.1', port: 443 })).alertKey;
    expect(parseOne(alarm({}, { port: '443', vip: '10.0.0.1' })).alertKey).toBe(first);
    expect(parseOne(alarm({}, { vip: '10.0.0.2', port: 443 })).alertKey).not.toBe(first);
  });

  it('keeps a metric and an event of one name on one object apart', () => {
    const metric = {
      ...docEvent,
      alarmType: 'metric',
      alarmPolicyInfo: {
        policyId: 'policy-n4exeh88',
        conditions: { metricName: 'ping_unreachable' },
      },
    };
    expect(parseOne(metric).alertKey).not.toBe(parseOne(docEvent).alertKey);
  });

  it('reads the level of a graded policy from alertId, Warning without one', () => {
    const sessionId = 'Ab_3';
    expect(severityOf(alarm({ sessionId, alertId: `${sessionId}_Serious` }))).toBe('Critical');
    expect(severityOf(alarm({ sessionId, alertId: `${sessionId}_Warn` }))).toBe('Warning');
    expect(severityOf(alarm({ sessionId, alertId: `${sessionId}_Remind` }))).toBe('Info');
    // A policy without levels: alertId is sessionId, whatever is in it.
    expect(parseOne(alarm({ sessionId, alertId: sessionId })).labels.alarmLevel).toBeUndefined();
    expect(severityOf(alarm({ sessionId, alertId: sessionId }))).toBe('Warning');
  });

  it('reads durationTime as a number or a string', () => {
    const asNumber = parseOne(alarm({ durationTime: 120 }));
    const asString = parseOne(alarm({ durationTime: '120' }));
    expect(asString.eventTime).toEqual(asNumber.eventTime);
    expect(asNumber.eventTime?.toISOString()).toBe('2021-05-04T20:39:00.000Z');
    expect(asNumber.annotations?.durationTime).toBe('120');
  });

  it('refuses what it cannot read, naming the field', () => {
    expect(refusal(['not', 'an', 'object'])).toBe('$: expected an object, got an array');
    expect(refusal(alarm({ alarmType: 'log' }))).toBe(
      '$.alarmType: expected "metric" or "event", got "log"',
    );
    expect(refusal({ ...capturedFiring, alarmObjInfo: 'gz' })).toBe(
      '$.alarmObjInfo: expected an object, got a string "gz"',
    );
    expect(refusal({ ...capturedFiring, alarmPolicyInfo: undefined })).toBe(
      '$.alarmPolicyInfo: is required (an object)',
    );
    const { policyId: _policyId, ...policyWithoutId } = capturedFiring.alarmPolicyInfo;
    expect(refusal({ ...capturedFiring, alarmPolicyInfo: policyWithoutId })).toBe(
      '$.alarmPolicyInfo.policyId: is required (the alarm policy)',
    );
    expect(refusal(alarm({}, undefined, { metricName: ' ' }))).toBe(
      '$.alarmPolicyInfo.conditions.metricName: is required (what the policy watches)',
    );
    expect(refusal({ ...docEvent, alarmPolicyInfo: { policyId: 'p' } })).toBe(
      '$.alarmPolicyInfo.conditions: is required (an object)',
    );
    expect(refusal(alarm({}, { objId: ['a', 'b'] }))).toBe(
      '$.alarmObjInfo.dimensions.objId: expected a string, got an array',
    );
    expect(refusal(alarm({ firstOccurTime: '2021-05-05T04:37:00Z' }))).toBe(
      '$.firstOccurTime: expected a date and time such as 2026-01-01 00:00:00, got "2021-05-05T04:37:00Z"',
    );
    expect(refusal(alarm({ alarmStatus: '0', recoverTime: 'yesterday' }))).toBe(
      '$.recoverTime: expected a date and time such as 2026-01-01 00:00:00, got "yesterday"',
    );
    expect(refusal(alarm({ durationTime: -5 }))).toBe(
      '$.durationTime: expected seconds (0 or more), got -5',
    );
    expect(refusal(alarm({ durationTime: '5 min' }))).toBe(
      '$.durationTime: expected an integer, got a string "5 min"',
    );
    expect(refusal(alarm({ durationTime: 9_000_000_000_000 }))).toBe(
      '$.durationTime: expected seconds that end before the year 10000, got 9000000000000',
    );
  });
});
