import { describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { alertmanagerAlert, alertmanagerPush } from './support/alertmanager-payload.js';
import { push, pushRaw } from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { rowCounts, type RowCounts } from './support/row-counts.js';

/** The known nasty inputs, pinned one by one; test/fuzz-*.e2e-spec.ts roams around them. */
describe('hostile webhook input', () => {
  const suite = appWithIntegration();

  /** The one event stored for the key, with its raw JSON. */
  async function storedEvent(alertKey: string) {
    const response = await suite.t.admin.get('/api/v1/events').query({ alertKey });
    expect(response.body.data).toHaveLength(1);
    return (await suite.t.admin.get(`/api/v1/events/${response.body.data[0].id}`)).body.data;
  }

  /** The body text of a one-alert push, for edits JSON.stringify cannot make. */
  function pushText(fingerprint: string): string {
    return JSON.stringify(alertmanagerPush({ fingerprint }));
  }

  async function expectRefused(send: () => PromiseLike<Response>, status: number, code: string) {
    const before: RowCounts = await rowCounts(suite.t, suite.integration.id);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toEqual({
      request_id: expect.any(String),
      error: expect.objectContaining({ code, message: expect.any(String) }),
    });
    expect(await rowCounts(suite.t, suite.integration.id)).toEqual(before);
    return response.body.error as { message: string; details?: { path?: string } };
  }

  describe('numbers', () => {
    it('refuses NaN and Infinity literals: they are not JSON', async () => {
      for (const literal of ['NaN', 'Infinity', '-Infinity']) {
        const body = pushText('nan').replace('"truncatedAlerts":0', `"truncatedAlerts":${literal}`);
        await expectRefused(() => pushRaw(suite.t, suite.integration, body), 400, 'InvalidPayload');
      }
    });

    it('refuses a number where a time belongs, however large, at its path', async () => {
      for (const number of ['1e400', '-1e400', '1.795343989271e+09', '0']) {
        const body = pushText('number-time').replace(
          '"startsAt":"2026-11-01T10:00:00Z"',
          `"startsAt":${number}`,
        );
        const error = await expectRefused(
          () => pushRaw(suite.t, suite.integration, body),
          400,
          'InvalidPayload',
        );
        expect(error.details?.path).toBe('$.alerts[0].startsAt');
      }
    });

    it('reads scientific notation in the timestamp annotation and ignores insane values', async () => {
      const scientific = await push(
        suite.t,
        suite.integration,
        alertmanagerPush({
          fingerprint: 'ts-scientific',
          annotations: { summary: 's', timestamp: '1.795343989271e+09' },
        }),
      );
      expect(scientific.status).toBe(200);
      expect((await storedEvent('ts-scientific')).eventTime).toBe('2026-11-22T10:39:49.271Z');

      const body = pushText('ts-huge').replace(
        '"summary":"API latency is high"',
        '"summary":"s","timestamp":1e400',
      );
      const before = Date.now();
      expect((await pushRaw(suite.t, suite.integration, body)).status).toBe(200);
      const huge = await storedEvent('ts-huge');
      expect(huge.annotations.timestamp).toBe('Infinity');
      expect(Date.parse(huge.eventTime)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('refuses a time a zone offset carries past the year 9999', async () => {
      const error = await expectRefused(
        () =>
          push(
            suite.t,
            suite.integration,
            alertmanagerPush({ fingerprint: 'y10k', startsAt: '9999-12-31T23:59:59-23:59' }),
          ),
        400,
        'InvalidPayload',
      );
      expect(error.details?.path).toBe('$.alerts[0].startsAt');
    });
  });

  describe('text', () => {
    it('stores NUL and unpaired surrogates as U+FFFD, in values, names and raw JSON', async () => {
      const body = pushText('nul-1')
        .replace('"instance":"api-1"', '"inst\\u0000ance":"api\\u0000-1","lone":"x\\ud800y"')
        .replace('"generatorURL"', '"extra":"\\udc00","generatorURL"');
      const response = await pushRaw(suite.t, suite.integration, body);
      expect(response.status).toBe(200);
      const event = await storedEvent('nul-1');
      expect(event.labels).toMatchObject({ 'inst\ufffdance': 'api\ufffd-1', lone: 'x\ufffdy' });
      expect(event.raw.extra).toBe('\ufffd');
    });

    it('stores invalid UTF-8 bytes as U+FFFD', async () => {
      const [head, tail] = pushText('utf8-1').split('api-1');
      const body = Buffer.concat([
        Buffer.from(`${head}api`),
        Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from(`1${tail}`),
      ]);
      expect((await pushRaw(suite.t, suite.integration, body)).status).toBe(200);
      const { labels } = await storedEvent('utf8-1');
      expect(labels.instance).toMatch(/^api\ufffd+\(\ufffd*1$/);
    });

    it('keeps no link a console could run: only http and https URLs are stored', async () => {
      const body = pushText('link-1').replace(
        'http://prometheus.example:9090/graph',
        'javascript:alert(document.cookie)',
      );
      const response = await pushRaw(suite.t, suite.integration, body);
      expect(response.status).toBe(200);
      const event = await storedEvent('link-1');
      expect(event.links).toEqual({ sourceUrl: 'http://alertmanager.example:9093' });
      expect(event.raw.generatorURL).toBe('javascript:alert(document.cookie)');
    });

    it('takes the last of duplicate keys, as Go and JSON.parse do', async () => {
      const body = pushText('dup-1').replace(
        '"instance":"api-1"',
        '"instance":"first","instance":"last"',
      );
      expect((await pushRaw(suite.t, suite.integration, body)).status).toBe(200);
      expect((await storedEvent('dup-1')).labels.instance).toBe('last');
    });

    it('cuts 1 MiB strings to the documented limits and hashes a 1 MiB alert key', async () => {
      // Four of them: the body stays under MAX_BODY_BYTES (5 MiB).
      const mebibyte = 'x'.repeat(1 << 20);
      const long = 'x'.repeat(20_000);
      const response = await push(
        suite.t,
        suite.integration,
        alertmanagerPush({
          fingerprint: `long-${mebibyte}`,
          labels: { alertname: 'Long', [`name-${mebibyte}`]: 'v', value: mebibyte },
          annotations: { summary: mebibyte, description: long, runbook: long },
        }),
      );
      expect(response.status).toBe(200);
      const alerts = await suite.t.admin
        .get('/api/v1/events')
        .query({ integrationId: suite.integration.id });
      const event = alerts.body.data.find((e: { title: string }) => e.title.startsWith('xxx'));
      expect(event.alertKey).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(event.title).toHaveLength(512);
      expect(event.description).toHaveLength(2048);
      expect(event.labels.value).toHaveLength(2048);
      expect(event.labels).toMatchObject({ alertname: 'Long', [`name-${'x'.repeat(250)}`]: 'v' });
      expect(event.annotations.runbook).toHaveLength(16_384);
      const { raw } = (await suite.t.admin.get(`/api/v1/events/${event.id}`)).body.data;
      // Larger than MAX_EVENT_RAW_BYTES (64 KiB): its size, hash and beginning are kept.
      expect(raw).toMatchObject({ truncated: true, bytes: expect.any(Number) });
      expect(raw.bytes).toBeGreaterThan(4 << 20);
    });

    it('refuses a label name holding a prototype key, as not valid JSON', async () => {
      const body = pushText('proto').replace('"instance"', '"__proto__"');
      await expectRefused(() => pushRaw(suite.t, suite.integration, body), 400, 'InvalidPayload');
    });
  });

  describe('shape', () => {
    it('refuses 10 000 levels of nesting at the path where it goes too deep', async () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      const body = pushText('deep').replace('"generatorURL"', `"extra":${deep},"generatorURL"`);
      const error = await expectRefused(
        () => pushRaw(suite.t, suite.integration, body),
        400,
        'InvalidPayload',
      );
      expect(error.details?.path).toMatch(/^\$\.alerts\[0\]\.extra(\[0\])+$/);
      expect(error.message).toContain('nested deeper than 32 levels');
    });

    it('keeps the first 256 of 10 000 labels, after the severity map read them all', async () => {
      const labels = Object.fromEntries(
        Array.from({ length: 10_000 }, (_, index) => [`l${String(index).padStart(5, '0')}`, 'v']),
      );
      const response = await push(
        suite.t,
        suite.integration,
        alertmanagerPush({
          fingerprint: 'many-labels',
          labels: { ...labels, alertname: 'Many', severity: 'critical' },
        }),
      );
      expect(response.status).toBe(200);
      const event = await storedEvent('many-labels');
      expect(Object.keys(event.labels)).toHaveLength(256);
      expect(event.severity).toBe('Critical');
      // 10 000 labels weigh more than MAX_EVENT_RAW_BYTES: the raw JSON keeps their beginning.
      expect(event.raw).toMatchObject({
        truncated: true,
        prefix: expect.stringMatching(/^\{"status":"firing","labels":\{"l00000":"v","l00001":"v"/),
      });
    });

    it('refuses a push of more than 10 000 alerts whole', async () => {
      const alerts = Array.from({ length: 10_001 }, (_, index) => ({
        status: 'firing',
        labels: { alertname: 'Flood', index: String(index) },
      }));
      const error = await expectRefused(
        () => push(suite.t, suite.integration, { alerts }),
        413,
        'PayloadTooLarge',
      );
      expect(error.message).toContain('10001 events');
    });

    it('refuses empty bodies, JSON that is no object and missing alerts', async () => {
      for (const [body, type] of [
        ['', 'application/json'],
        ['', 'text/plain'],
        ['null', 'application/json'],
        ['"alerts"', 'application/json'],
        ['[{"alerts": []}]', 'application/json'],
        ['{"alerts": {}}', 'application/json'],
        ['{"alerts": [', 'application/json'],
      ]) {
        await expectRefused(
          () => pushRaw(suite.t, suite.integration, body, type),
          400,
          'InvalidPayload',
        );
      }
    });

    it('answers a body in a media type the plugin does not read 415, naming what it reads', async () => {
      const body = pushText('content-type');
      await expectRefused(
        () => pushRaw(suite.t, suite.integration, '<alerts/>', 'application/xml'),
        415,
        'InvalidContentType',
      );
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
        const error = await expectRefused(
          () => pushRaw(suite.t, suite.integration, body, type),
          415,
          'InvalidContentType',
        );
        expect(error.message).toContain('send it as application/json');
      }
      const octets = await pushRaw(
        suite.t,
        suite.integration,
        Buffer.from(body),
        'application/octet-stream',
      );
      expect(octets.status).toBe(415);
    });

    it('stores an alert with a wrong-typed field nobody reads', async () => {
      const alert = { ...alertmanagerAlert({ fingerprint: 'odd-field' }), extra: [1, { a: null }] };
      const response = await push(suite.t, suite.integration, { alerts: [alert], version: 4 });
      expect(response.status).toBe(200);
      expect((await storedEvent('odd-field')).raw.extra).toEqual([1, { a: null }]);
    });
  });
});
