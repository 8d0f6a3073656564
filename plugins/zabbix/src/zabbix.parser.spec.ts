import { describe, expect, it } from '@jest/globals';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parseZabbixWebhook } from './zabbix.parser.js';

function parse(body: unknown) {
  return parseZabbixWebhook(body, fixtureParseContext());
}

const PROBLEM = { event_id: '12345', event_value: '1', event_update_status: '0' };

describe('parseZabbixWebhook', () => {
  it('rejects a body that is not an object at $', () => {
    expect(catchPayloadError(() => parse([PROBLEM])).path).toBe('$');
  });

  it('requires the event id, also when Zabbix left the macro unexpanded', () => {
    expect(catchPayloadError(() => parse({ ...PROBLEM, event_id: '{EVENT.ID}' })).message).toBe(
      '$.event_id: is required ({EVENT.ID}, the problem the event belongs to)',
    );
  });

  it('reads only 1 and 0 as the event value', () => {
    expect(catchPayloadError(() => parse({ ...PROBLEM, event_value: '2' })).message).toBe(
      '$.event_value: expected 1 (problem) or 0 (recovery), got 2',
    );
    expect(catchPayloadError(() => parse({ ...PROBLEM, event_value: 'PROBLEM' })).path).toBe(
      '$.event_value',
    );
  });

  it('gives no event for an update of a resolved problem either', () => {
    expect(parse({ ...PROBLEM, event_value: '0', event_update_status: '1' })).toEqual([]);
  });

  it('rejects tags that are not the JSON of {EVENT.TAGSJSON}, and a time zone that is no offset', () => {
    expect(catchPayloadError(() => parse({ ...PROBLEM, event_tags: 'scope:cpu' })).path).toBe(
      '$.event_tags',
    );
    expect(catchPayloadError(() => parse({ ...PROBLEM, event_tags: '[{"value":"x"}]' })).path).toBe(
      '$.event_tags[0].tag',
    );
    expect(catchPayloadError(() => parse({ ...PROBLEM, time_zone: 'Asia/Shanghai' })).path).toBe(
      '$.time_zone',
    );
  });

  it('rejects an event date that is not Zabbix yyyy.mm.dd', () => {
    const body = { ...PROBLEM, event_date: '03.06.2024', event_time: '16:15:40' };
    expect(catchPayloadError(() => parse(body)).path).toBe('$.event_date');
  });
});
