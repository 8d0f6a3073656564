import { describe, expect, it } from '@jest/globals';
import { keepingAlertTitle, type ParsedEvent } from '../parsed-event.js';
import type { SeverityMap } from '../severity-map.js';
import { toExpectedEvents } from './expected-event.js';

const severityMap: SeverityMap = {
  fields: ['labels.severity'],
  values: { critical: 'Critical', ok: 'Ok' },
  default: 'Warning',
};

const event: ParsedEvent = {
  status: 'firing',
  alertKey: 'k1',
  title: 'Disk full',
  labels: { severity: 'critical' },
  startsAt: new Date('2026-11-22T10:34:05Z'),
  eventTime: new Date('2026-01-01T00:00:00Z'),
  links: { generatorUrl: 'http://g' },
  raw: { secret: 'not in expected files' },
};

describe('toExpectedEvents', () => {
  it('writes the mapped severity, the event status and ISO times in a fixed key order', () => {
    const [expected] = toExpectedEvents({ severityMap }, [event]);
    expect(expected).toStrictEqual({
      status: 'firing',
      severity: 'Critical',
      eventStatus: 'Critical',
      sourceSeverity: 'critical',
      alertKey: 'k1',
      title: 'Disk full',
      labels: { severity: 'critical' },
      startsAt: '2026-11-22T10:34:05.000Z',
      eventTime: '2026-01-01T00:00:00.000Z',
      links: { generatorUrl: 'http://g' },
    });
    expect(Object.keys(expected ?? {})).toEqual([
      'status',
      'severity',
      'eventStatus',
      'sourceSeverity',
      'alertKey',
      'title',
      'labels',
      'startsAt',
      'eventTime',
      'links',
    ]);
  });

  it('resolves an event whose severity word maps to Ok', () => {
    const [expected] = toExpectedEvents({ severityMap }, [
      { ...event, labels: { severity: 'OK' } },
    ]);
    expect(expected).toMatchObject({ status: 'resolved', severity: 'Warning', eventStatus: 'Ok' });
  });

  it('marks only an event whose title is a stand-in, right after its title', () => {
    const resolution: ParsedEvent = {
      status: 'resolved',
      alertKey: 'k1',
      ...keepingAlertTitle('k1'),
      labels: {},
      raw: {},
    };
    const [expected] = toExpectedEvents({ severityMap }, [resolution]);
    const keys = Object.keys(expected ?? {});
    expect(keys.slice(keys.indexOf('alertKey'))).toEqual([
      'alertKey',
      'title',
      'keepsAlertTitle',
      'labels',
    ]);
    expect(expected).toMatchObject({ title: 'Alert k1', keepsAlertTitle: true });
    const [titled] = toExpectedEvents({ severityMap }, [{ ...resolution, keepsAlertTitle: false }]);
    expect(titled).not.toHaveProperty('keepsAlertTitle');
  });
});
