import { describe, expect, it } from '@jest/globals';
import { readOptionalString } from '../payload/payload-reader.js';
import { catchPayloadError, fixtureParseContext } from '../testing/index.js';
import { parseAlertmanagerWebhook } from './parse-alertmanager-webhook.js';

const firing = {
  status: 'firing',
  labels: { alertname: 'DiskFull', severity: 'critical' },
  annotations: { description: 'Root FS at 97%', message: 'ignored' },
  startsAt: '2026-11-22T10:34:05Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph',
  fingerprint: '992a4da9facf5870',
};

const resolved = {
  ...firing,
  status: 'RESOLVED',
  annotations: { message: 'Root FS back at 80%' },
  endsAt: '2026-11-22T10:40:00Z',
  fingerprint: '',
};

describe('parseAlertmanagerWebhook', () => {
  it("reads each alert on its own, whatever the group's status says", () => {
    const events = parseAlertmanagerWebhook(
      { status: 'firing', externalURL: 'http://am:9093', alerts: [firing, resolved] },
      fixtureParseContext(),
    );
    expect(events).toStrictEqual([
      {
        status: 'firing',
        alertKey: '992a4da9facf5870',
        title: 'DiskFull',
        description: 'Root FS at 97%',
        labels: { alertname: 'DiskFull', severity: 'critical' },
        annotations: { description: 'Root FS at 97%', message: 'ignored' },
        startsAt: new Date('2026-11-22T10:34:05Z'),
        eventTime: new Date('2026-01-01T00:00:00Z'),
        links: { generatorUrl: 'http://prometheus:9090/graph', sourceUrl: 'http://am:9093' },
        raw: firing,
      },
      {
        status: 'resolved',
        alertKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        title: 'DiskFull',
        description: 'Root FS back at 80%',
        labels: { alertname: 'DiskFull', severity: 'critical' },
        annotations: { message: 'Root FS back at 80%' },
        startsAt: new Date('2026-11-22T10:34:05Z'),
        endsAt: new Date('2026-11-22T10:40:00Z'),
        eventTime: new Date('2026-01-01T00:00:00Z'),
        links: { generatorUrl: 'http://prometheus:9090/graph', sourceUrl: 'http://am:9093' },
        raw: resolved,
      },
    ]);
  });

  it('leaves the severity to the severity map', () => {
    const [event] = parseAlertmanagerWebhook({ alerts: [firing] }, fixtureParseContext());
    expect(event).not.toHaveProperty('sourceSeverity');
  });

  it('lets a dialect replace each part and falls back where it gives nothing', () => {
    const [event] = parseAlertmanagerWebhook(
      { ruleName: 'Disk rule', alerts: [{ ...firing, detailURL: 'http://console/alert/1' }] },
      fixtureParseContext(),
      {
        alertKey: (alert) => `key-${alert.labels.alertname}`,
        title: (_alert, group) => readOptionalString(group.body.ruleName, '$.ruleName'),
        description: () => undefined,
        eventTime: () => undefined,
        links: (alert) => ({
          sourceUrl: readOptionalString(alert.raw.detailURL, `${alert.path}.detailURL`),
        }),
      },
    );
    expect(event).toMatchObject({
      alertKey: 'key-DiskFull',
      title: 'Disk rule',
      eventTime: new Date('2026-01-01T00:00:00Z'),
      links: { sourceUrl: 'http://console/alert/1' },
    });
    expect(event).not.toHaveProperty('description');
  });

  it('titles an alert that has nothing to title it by after its key', () => {
    const [event] = parseAlertmanagerWebhook(
      { alerts: [{ status: 'firing', fingerprint: 'abc' }] },
      fixtureParseContext(),
    );
    expect(event?.title).toBe('Alert abc');
    expect(event).not.toHaveProperty('links');
  });

  it('names where an alert is wrong', () => {
    const context = fixtureParseContext();
    expect(
      catchPayloadError(() => parseAlertmanagerWebhook({ alerts: [firing, 'x'] }, context)).path,
    ).toBe('$.alerts[1]');
    expect(
      catchPayloadError(() => parseAlertmanagerWebhook({ alerts: [{ labels: {} }] }, context))
        .message,
    ).toBe('$.alerts[0].status: is required (a string)');
    expect(
      catchPayloadError(() =>
        parseAlertmanagerWebhook({ alerts: [{ ...firing, fingerprint: 7 }] }, context),
      ).path,
    ).toBe('$.alerts[0].fingerprint');
    expect(
      catchPayloadError(() => parseAlertmanagerWebhook({ externalURL: ['x'], alerts: [] }, context))
        .path,
    ).toBe('$.externalURL');
  });

  it('does not touch the body', () => {
    const body = { alerts: [structuredClone(firing)] };
    const before = structuredClone(body);
    const [event] = parseAlertmanagerWebhook(body, fixtureParseContext());
    if (event) event.labels.changed = 'yes';
    expect(body).toStrictEqual(before);
  });
});
