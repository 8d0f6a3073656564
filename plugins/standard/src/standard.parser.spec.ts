import { describe, expect, it } from '@jest/globals';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import acknowledge from '../fixtures/pagerduty-acknowledge.json' with { type: 'json' };
import { MAX_BATCH_EVENTS } from './alert-hub-event.js';
import { dialectOf, parseStandardWebhook } from './standard.parser.js';

function parse(body: unknown) {
  return parseStandardWebhook(body, fixtureParseContext());
}

function refusal(body: unknown) {
  const error = catchPayloadError(() => parse(body));
  return { path: error.path, message: error.message.slice(error.path.length + 2) };
}

const trigger = { action: 'trigger', alertKey: 'k1', title: 'Disk full' };

describe('dialectOf', () => {
  it('tells the three formats apart by the fields only each has', () => {
    expect(dialectOf({ event_action: 'trigger', routing_key: 'r' })).toBe('pagerduty');
    expect(dialectOf({ event_status: 'Ok', alert_key: 'a' })).toBe('flashduty');
    expect(dialectOf(trigger)).toBe('alert-hub');
    expect(dialectOf({ events: [] })).toBe('alert-hub');
  });
});

describe('the Alert Hub format', () => {
  it('refuses a body that is no object, and a trigger without a title, naming where', () => {
    expect(refusal([trigger])).toEqual({ path: '$', message: 'expected an object, got an array' });
    expect(refusal({ action: 'trigger', alertKey: 'k1', title: '  ' })).toEqual({
      path: '$.title',
      message: "is required (the alert's title) on a trigger",
    });
    expect(refusal({ ...trigger, action: 'fire' })).toEqual({
      path: '$.action',
      message: 'expected one of trigger, resolve, got a string "fire"',
    });
  });

  it('resolves by key alone, or by the title and labels a trigger without a key was sent with', () => {
    const labels = { host: 'web-1', mount: '/var' };
    const [fired] = parse({ action: 'trigger', title: 'Disk full', labels });
    const [resolved] = parse({
      action: 'resolve',
      title: 'Disk full',
      labels: { mount: '/var', host: 'web-1' },
    });
    expect(resolved?.alertKey).toBe(fired?.alertKey);
    expect(parse({ action: 'resolve', title: 'Disk full', labels: {} })[0]?.alertKey).not.toBe(
      fired?.alertKey,
    );
    expect(refusal({ action: 'resolve', labels })).toEqual({
      path: '$.alertKey',
      message: 'is required to resolve without a title: it names the alert to resolve',
    });
  });

  it('bounds a batch, and names the event that is wrong', () => {
    const events = Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => trigger);
    expect(refusal({ events })).toEqual({
      path: '$.events',
      message: `holds ${MAX_BATCH_EVENTS + 1} events; a batch holds at most ${MAX_BATCH_EVENTS}: send several`,
    });
    expect(parse({ events: events.slice(1) })).toHaveLength(MAX_BATCH_EVENTS);
    expect(refusal({ events: [trigger, 'disk full'] }).path).toBe('$.events[1]');
    expect(refusal({ events: [trigger, { ...trigger, labels: { a: { b: 1 } } }] }).path).toBe(
      '$.events[1].labels.a',
    );
  });

  it('notes an empty batch, which stores nothing', () => {
    const context = fixtureParseContext();
    expect(parseStandardWebhook({ events: [] }, context)).toEqual([]);
    expect(context.notes).toEqual(['an empty batch of events: nothing stored']);
  });

  it('refuses links the core would drop, rather than losing them quietly', () => {
    expect(refusal({ ...trigger, links: { 'run book': 'https://r.example.com' } })).toEqual({
      path: '$.links["run book"]',
      message: 'is no link name: a letter, then up to 63 letters, digits or _ (runbookUrl)',
    });
    expect(refusal({ ...trigger, links: { runbook: 'javascript:alert(1)' } })).toEqual({
      path: '$.links.runbook',
      message: 'expected an absolute http or https URL of at most 2048 characters',
    });
    const many = Object.fromEntries(
      Array.from({ length: 17 }, (_, index) => [`l${index}`, 'https://e.example.com']),
    );
    expect(refusal({ ...trigger, links: many })).toEqual({
      path: '$.links',
      message: 'holds 17 links; an event keeps at most 16',
    });
  });

  it('reads the event time as ISO 8601 or Unix time, and refuses anything else', () => {
    const at = (eventTime: unknown) => parse({ ...trigger, eventTime })[0]?.eventTime;
    const expected = new Date('2026-12-06T02:15:00Z');
    expect(at('2026-12-06T10:15:00+08:00')).toEqual(expected);
    expect(at(1796523300)).toEqual(expected);
    expect(at(1796523300000)).toEqual(expected);
    expect(at(' 1796523300 ')).toEqual(expected);
    expect(refusal({ ...trigger, eventTime: 'yesterday' }).path).toBe('$.eventTime');
    expect(refusal({ ...trigger, eventTime: 17 }).path).toBe('$.eventTime');
    expect(refusal({ ...trigger, eventTime: true }).path).toBe('$.eventTime');
  });
});

describe('the PagerDuty dialect', () => {
  const pagerDuty = {
    routing_key: 'secret-routing-key',
    event_action: 'trigger',
    payload: { summary: 'Disk full', source: 'web-1', severity: 'critical' },
  };

  it('refuses what PagerDuty would refuse, naming where', () => {
    expect(refusal({ ...pagerDuty, event_action: 'escalate' })).toEqual({
      path: '$.event_action',
      message: 'expected one of trigger, acknowledge, resolve, got a string "escalate"',
    });
    expect(refusal({ ...pagerDuty, payload: undefined }).path).toBe('$.payload');
    expect(refusal({ ...pagerDuty, payload: { source: 'web-1' } }).path).toBe('$.payload.summary');
    expect(refusal({ event_action: 'resolve' })).toEqual({
      path: '$.dedup_key',
      message: 'is required to resolve: the dedup_key the trigger was sent with, or answered',
    });
    expect(
      refusal({ ...pagerDuty, payload: { ...pagerDuty.payload, timestamp: 'now' } }).path,
    ).toBe('$.payload.timestamp');
  });

  it('keeps the routing key out of what it stores', () => {
    const [event] = parse(pagerDuty);
    expect(event?.raw).toEqual({ event_action: 'trigger', payload: pagerDuty.payload });
  });

  it('stores nothing for an acknowledgement, and says why', () => {
    const context = fixtureParseContext();
    expect(parseStandardWebhook(acknowledge, context)).toEqual([]);
    expect(context.notes).toEqual([
      'PagerDuty acknowledge of dedup_key "dedupkeyhere": Alert Hub has no acknowledgement, nothing stored',
    ]);
  });

  it('reads a resolution that carries its payload with its title', () => {
    const [event] = parse({ ...pagerDuty, event_action: 'resolve', dedup_key: 'd1' });
    expect(event).toMatchObject({ status: 'resolved', alertKey: 'd1', title: 'Disk full' });
    expect(event?.keepsAlertTitle).toBeUndefined();
  });
});

describe('the Flashduty dialect', () => {
  const flashduty = { title_rule: 'CPU high', event_status: 'Critical', labels: { host: 'a' } };

  it('refuses an unknown status, a trigger without a title, an Ok naming no alert', () => {
    expect(refusal({ ...flashduty, event_status: 'Major' })).toEqual({
      path: '$.event_status',
      message: 'expected one of Critical, Warning, Info, Ok, got a string "Major"',
    });
    expect(refusal({ event_status: 'Warning', alert_key: 'a' }).path).toBe('$.title_rule');
    expect(refusal({ event_status: 'Ok', labels: { host: 'a' } }).path).toBe('$.alert_key');
    expect(refusal({ ...flashduty, event_time: '2026-01-01' }).path).toBe('$.event_time');
  });

  it('resolves a firing event sent without a key by the same title and labels', () => {
    const [fired] = parse(flashduty);
    const [resolved] = parse({ ...flashduty, event_status: 'Ok' });
    expect(resolved).toMatchObject({ status: 'resolved', alertKey: fired?.alertKey });
  });

  it('fills in a templated title from the labels only, never from a label value itself', () => {
    const title = (rule: string, labels: Record<string, string>) =>
      parse({ ...flashduty, title_rule: rule, labels })[0]?.title;
    expect(title('[TPL]${host}: ${constructor}', { host: '${other}' })).toBe(
      '${other}: <no value>',
    );
    expect(
      title('[TPL]{{ .Labels.host }}/{{.Labels.gone}}/{{.EventSeverity}}', { host: 'a' }),
    ).toBe('a//{{.EventSeverity}}');
    expect(title('${host} as written', { host: 'a' })).toBe('${host} as written');
    expect(refusal({ ...flashduty, title_rule: '[TPL]{{.Labels.gone}}' }).path).toBe(
      '$.title_rule',
    );
  });
});
