import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  alertmanagerAlert,
  alertmanagerPush,
  type TestAlert,
} from './support/alertmanager-payload.js';
import { push } from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';

/** What one page of a list may weigh (README: Limits), and a stored event's raw JSON. */
const LIST_PAGE_BYTES = 1024 * 1024;
const MAX_EVENT_RAW_BYTES = 64 * 1024;

interface Row {
  id: number;
  alertId?: number;
  alertKey: string;
  raw?: unknown;
}
interface Page {
  data: Row[];
  nextCursor: string | null;
}

/** Annotations of about `bytes` bytes: many values, each within the 16 384 a value keeps. */
function bulkyAnnotations(bytes: number): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (let index = 0; index * 16_000 < bytes; index++)
    annotations[`a${index}`] = 'x'.repeat(16_000);
  return annotations;
}

describe('reading events back', () => {
  const suite = appWithIntegration();

  /** Pushes one alert whose item in the body also carries `extra`; returns that item. */
  async function pushWithExtra(alert: TestAlert, extra: unknown): Promise<Record<string, unknown>> {
    const body = alertmanagerPush(alert);
    const item = { ...alertmanagerAlert(alert), extra };
    body.alerts = [item];
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    return item;
  }

  async function eventOf(alertKey: string): Promise<Row> {
    const listed = await suite.t.admin.get('/api/v1/events').query({ alertKey });
    const [event] = (listed.body as Page).data;
    if (!event) throw new Error(`no event of ${alertKey}`);
    return event;
  }

  /** Every row of a list, page after page; checks each page's weight on the way. */
  async function allPages(path: string, query: Record<string, string | number>): Promise<Row[][]> {
    const pages: Row[][] = [];
    let cursor: string | null = null;
    do {
      const response = await suite.t.admin
        .get(path)
        .query(cursor === null ? query : { ...query, cursor });
      expect(response.status).toBe(200);
      expect(Buffer.byteLength(response.text)).toBeLessThanOrEqual(LIST_PAGE_BYTES);
      const page = response.body as Page;
      expect(page.data.length).toBeGreaterThan(0);
      pages.push(page.data);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return pages;
  }

  it('lists events without their raw JSON; GET /events/:id gives it', async () => {
    const item = await pushWithExtra({ fingerprint: 'detail-1' }, { nested: [1, 'two'] });
    const listed = await eventOf('detail-1');
    expect(listed).not.toHaveProperty('raw');

    const detail = await suite.t.admin.get(`/api/v1/events/${listed.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toEqual({ ...listed, raw: item });

    const missing = await suite.t.admin.get(`/api/v1/events/${listed.id + 1000}`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NotFound']);
  });

  it('stores a raw JSON beyond MAX_EVENT_RAW_BYTES as its size, hash and beginning', async () => {
    const item = await pushWithExtra({ fingerprint: 'large-raw' }, 'é'.repeat(100_000));
    const text = JSON.stringify(item);
    const event = await eventOf('large-raw');
    const { raw } = (await suite.t.admin.get(`/api/v1/events/${event.id}`)).body.data as Row;
    expect(raw).toEqual({
      truncated: true,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      prefix: expect.any(String),
    });
    const { prefix } = raw as { prefix: string };
    expect(prefix.length).toBeGreaterThan(1000);
    expect(text.startsWith(prefix)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(raw))).toBeLessThanOrEqual(MAX_EVENT_RAW_BYTES);

    const fits = await pushWithExtra({ fingerprint: 'raw-that-fits' }, 'x'.repeat(60_000));
    const kept = await eventOf('raw-that-fits');
    expect((await suite.t.admin.get(`/api/v1/events/${kept.id}`)).body.data.raw).toEqual(fits);
  });

  it('ends a page of events at 1 MiB whatever the limit; nextCursor goes on', async () => {
    const bulky = { alertname: 'BulkyEvent' };
    for (let index = 0; index < 6; index++) {
      const alert = {
        fingerprint: `bulky-event-${index}`,
        labels: bulky,
        annotations: bulkyAnnotations(300_000),
      };
      expect((await push(suite.t, suite.integration, alertmanagerPush(alert))).status).toBe(200);
    }
    const pages = await allPages('/api/v1/events', { 'label.alertname': 'BulkyEvent', limit: 500 });
    expect(pages.length).toBeGreaterThan(1);
    const keys = pages.flat().map((event) => event.alertKey);
    expect(keys.sort()).toEqual([0, 1, 2, 3, 4, 5].map((index) => `bulky-event-${index}`));
  });

  it("bounds an alert's latest events the same way, without their raw JSON", async () => {
    const annotations = bulkyAnnotations(300_000);
    for (let index = 0; index < 6; index++) {
      // Each new start time makes a new event of the same alert.
      const startsAt = `2026-11-01T10:0${index}:00Z`;
      const alert = {
        fingerprint: 'bulky-alert',
        labels: { alertname: 'Bulky' },
        annotations,
        startsAt,
      };
      expect((await push(suite.t, suite.integration, alertmanagerPush(alert))).status).toBe(200);
    }
    const { alertId } = await eventOf('bulky-alert');
    const response = await suite.t.admin.get(`/api/v1/alerts/${alertId}`);
    expect(response.status).toBe(200);
    expect(Buffer.byteLength(response.text)).toBeLessThanOrEqual(LIST_PAGE_BYTES);
    const { events } = response.body.data as { events: Row[] };
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(6);
    for (const event of events) expect(event).not.toHaveProperty('raw');
  });

  it('ends a page of alerts at 1 MiB too', async () => {
    const labels: Record<string, string> = { alertname: 'BulkyLabels' };
    for (let index = 0; index < 200; index++) labels[`l${index}`] = 'y'.repeat(2_000);
    for (let index = 0; index < 4; index++) {
      const alert = { fingerprint: `bulky-labels-${index}`, labels: { ...labels, n: `${index}` } };
      expect((await push(suite.t, suite.integration, alertmanagerPush(alert))).status).toBe(200);
    }
    const pages = await allPages('/api/v1/alerts', {
      'label.alertname': 'BulkyLabels',
      limit: 500,
    });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toHaveLength(4);
  });
});
