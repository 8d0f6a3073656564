import { describe, expect, it } from '@jest/globals';
import {
  catchPayloadError,
  fixtureParseContext,
  toExpectedEvents,
} from '@alert-hub/plugin-sdk/testing';
import { AliyunCloudmonitorPlugin } from './aliyun-cloudmonitor.plugin.js';
import { parseAliyunCloudmonitorWebhook } from './aliyun-cloudmonitor.parser.js';

const alert = {
  alertName: 'ECS CPU usage',
  alertState: 'ALERT',
  ruleId: 'putNewAlarm_group_1',
  triggerLevel: 'WARN',
  dimensions: '{userId=1, instanceId=i-1}',
  timestamp: '1685646149981',
};

function parse(body: unknown) {
  return parseAliyunCloudmonitorWebhook(body, fixtureParseContext());
}

describe('parseAliyunCloudmonitorWebhook', () => {
  it('keys one rule on one resource alike whatever form and order the dimensions come in', () => {
    const keys = [
      '{userId=1, instanceId=i-1}',
      '{instanceId=i-1,userId=1}',
      '[{"userId":"1","instanceId":"i-1"}]',
      '[{"instanceId":"i-1"},{"userId":"1"}]',
      [{ userId: '1', instanceId: 'i-1' }],
    ].map((dimensions) => parse({ ...alert, dimensions })[0]?.alertKey);
    expect(new Set(keys).size).toBe(1);
    expect(parse({ ...alert, dimensions: '{userId=1, instanceId=i-2}' })[0]?.alertKey).not.toBe(
      keys[0],
    );
  });

  it('keys a resolve like the alert it ends, though the notification id differs', () => {
    const firing = parse({ ...alert, transId: 'a' })[0];
    const resolved = parse({ ...alert, alertState: 'OK', triggerLevel: 'OK', transId: 'b' })[0];
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.alertKey).toBe(firing?.alertKey);
  });

  it('reads a timestamp in seconds or milliseconds', () => {
    expect(parse({ ...alert, timestamp: '1685646149' })[0]?.eventTime?.toISOString()).toBe(
      '2023-06-01T19:02:29.000Z',
    );
  });

  it('refuses what it cannot read, naming the field', () => {
    expect(catchPayloadError(() => parse({ ...alert, alertState: 'MAYBE' })).message).toBe(
      '$.alertState: expected ALERT, ALARM, OK or INSUFFICIENT_DATA, got "MAYBE"',
    );
    expect(catchPayloadError(() => parse({ ...alert, ruleId: undefined })).path).toBe('$.ruleId');
    expect(catchPayloadError(() => parse({ ...alert, timestamp: 'today' })).path).toBe(
      '$.timestamp',
    );
    expect(catchPayloadError(() => parse({ ...alert, dimensions: '{instanceId}' })).path).toBe(
      '$.dimensions',
    );
    expect(catchPayloadError(() => parse({ ...alert, dimensions: '[{"a":' })).path).toBe(
      '$.dimensions',
    );
    // A field sent twice in a form arrives as an array.
    expect(catchPayloadError(() => parse({ ...alert, alertName: ['a', 'b'] })).path).toBe(
      '$.alertName',
    );
    expect(catchPayloadError(() => parse({ id: 'e1' })).path).toBe('$.name');
    expect(catchPayloadError(() => parse('alertState=ALERT')).path).toBe('$');
  });

  it('opens a system event as an informational alert that never resolves, whatever its level', () => {
    const events = parse({ id: 'e1', name: 'Instance:StateChange', level: 'CRITICAL' });
    expect(events[0]?.labels).toMatchObject({ resolves: 'never', eventLevel: 'CRITICAL' });
    expect(toExpectedEvents(new AliyunCloudmonitorPlugin(), events)[0]).toMatchObject({
      status: 'firing',
      severity: 'Info',
    });
  });
});
