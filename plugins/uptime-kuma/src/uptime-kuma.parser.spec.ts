import { describe, expect, it } from '@jest/globals';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parseUptimeKumaWebhook } from './uptime-kuma.parser.js';

function parse(body: unknown) {
  return parseUptimeKumaWebhook(body, fixtureParseContext());
}

function notification(heartbeat: Record<string, unknown>, monitor: unknown = { id: 3 }) {
  return { heartbeat: { monitorID: 3, status: 0, ...heartbeat }, monitor, msg: 'm' };
}

describe('parseUptimeKumaWebhook', () => {
  it('notes why the test notification and a notice without heartbeat store nothing', () => {
    const test = fixtureParseContext();
    expect(
      parseUptimeKumaWebhook({ heartbeat: null, monitor: null, msg: 'Testing' }, test),
    ).toEqual([]);
    expect(test.notes).toEqual([
      'Uptime Kuma test notification: no monitor changed state, nothing stored',
    ]);
    const notice = fixtureParseContext();
    const expiry = {
      heartbeat: null,
      monitor: { id: 3 },
      msg: 'Certificate will expire in 14 days',
    };
    expect(parseUptimeKumaWebhook(expiry, notice)).toEqual([]);
    expect(notice.notes).toEqual([
      'Uptime Kuma notice without a heartbeat, not a change of state: nothing stored (Certificate will expire in 14 days)',
    ]);
  });

  it('notes nothing about a change of state', () => {
    const context = fixtureParseContext();
    expect(parseUptimeKumaWebhook(notification({}), context)).toHaveLength(1);
    expect(context.notes).toEqual([]);
  });

  it('rejects a body that is not an object at $', () => {
    expect(catchPayloadError(() => parse([notification({})])).path).toBe('$');
  });

  it('rejects a heartbeat status it does not know, at its path', () => {
    expect(catchPayloadError(() => parse(notification({ status: 9 }))).message).toBe(
      '$.heartbeat.status: expected 0 (down), 1 (up), 2 (pending) or 3 (maintenance), got 9',
    );
    expect(catchPayloadError(() => parse(notification({ status: 'DOWN' }))).path).toBe(
      '$.heartbeat.status',
    );
  });

  it('keys by heartbeat.monitorID when the monitor is missing, and needs one of them', () => {
    expect(parse(notification({ monitorID: 12 }, null))[0]?.alertKey).toBe('12');
    expect(parse(notification({ monitorID: 12 }, null))[0]?.title).toBe('Monitor 12');
    expect(catchPayloadError(() => parse(notification({ monitorID: null }, {}))).path).toBe(
      '$.monitor.id',
    );
  });

  it('rejects a heartbeat time that is not Uptime Kuma date and time', () => {
    expect(catchPayloadError(() => parse(notification({ time: '03/06/2024 08:15' }))).path).toBe(
      '$.heartbeat.time',
    );
  });
});
