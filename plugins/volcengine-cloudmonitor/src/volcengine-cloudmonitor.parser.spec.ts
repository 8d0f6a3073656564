import { describe, expect, it } from '@jest/globals';
import {
  catchPayloadError,
  fixtureParseContext,
  toExpectedEvents,
} from '@alert-hub/plugin-sdk/testing';
import { parseVolcengineCloudmonitorWebhook } from './volcengine-cloudmonitor.parser.js';
import { VolcengineCloudmonitorPlugin } from './volcengine-cloudmonitor.plugin.js';

const resource = { Id: 'i-1', Name: 'web-01', LastAlertTime: 1717402500 };

function parse(body: unknown) {
  return parseVolcengineCloudmonitorWebhook(body, fixtureParseContext());
}

function keyOf(Type: string, listField: string): string | undefined {
  return parse({ Type, RuleId: 'r1', Level: 'warning', [listField]: [resource] })[0]?.alertKey;
}

describe('parseVolcengineCloudmonitorWebhook', () => {
  it('resolves a metric alarm and a no-data alarm each with its own recovery, not the other', () => {
    expect(keyOf('MetricRecovered', 'RecoveredResources')).toBe(keyOf('Metric', 'Resources'));
    expect(keyOf('NoDataRecovered', 'NoDataRecoveredResources')).toBe(
      keyOf('MetricsNoData', 'NoDataResources'),
    );
    expect(keyOf('MetricsNoData', 'NoDataResources')).not.toBe(keyOf('Metric', 'Resources'));
  });

  it('opens an Event as an informational alert that never resolves, whatever its level', () => {
    const events = parse({ Type: 'Event', RuleId: 'r1', Level: 'critical', RuleName: 'down' });
    expect(events).toHaveLength(1);
    expect(events[0]?.labels.resolves).toBe('never');
    expect(toExpectedEvents(new VolcengineCloudmonitorPlugin(), events)[0]).toMatchObject({
      status: 'firing',
      severity: 'Info',
      title: 'down',
    });
  });

  it('refuses what it cannot read, naming the field', () => {
    expect(catchPayloadError(() => parse({ Type: 'Alarm', RuleId: 'r1' })).message).toBe(
      '$.Type: expected one of Metric, MetricRecovered, MetricsNoData, NoDataRecovered, Event, got "Alarm"',
    );
    expect(catchPayloadError(() => parse({ Type: 'toString', RuleId: 'r1' })).path).toBe('$.Type');
    expect(catchPayloadError(() => parse({ Type: 'Metric' })).path).toBe('$.RuleId');
    expect(
      catchPayloadError(() => parse({ Type: 'Metric', RuleId: 'r1', Resources: [resource, 7] }))
        .path,
    ).toBe('$.Resources[1]');
    expect(
      catchPayloadError(() =>
        parse({ Type: 'Metric', RuleId: 'r1', Resources: [{ ...resource, LastAlertTime: 'x' }] }),
      ).path,
    ).toBe('$.Resources[0].LastAlertTime');
  });
});
