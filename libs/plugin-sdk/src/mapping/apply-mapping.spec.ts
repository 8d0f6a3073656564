import { describe, expect, it } from '@jest/globals';
import { MAX_EVENTS_PER_PUSH } from '../events-per-push.js';
import { stableHash } from '../labels-hash.js';
import type { ParsedEvent } from '../parsed-event.js';
import { applyMapping, LABELS_FROM_ENTRIES } from './apply-mapping.js';
import { compileMapping } from './compile-mapping.js';
import type { EventMappingDocument } from './event-mapping.js';
import { MAPPING_WORK_LIMIT } from './mapping-budget.js';
import { MappingError } from './mapping-error.js';
import { TEMPLATE_OUTPUT_LIMIT } from './mapping-reader.js';

const RECEIVED_AT = new Date('2026-12-06T10:00:00Z');

function read(mapping: EventMappingDocument, body: unknown): ParsedEvent[] {
  const compilation = compileMapping(mapping);
  if (!compilation.valid) throw new Error(compilation.problems.join('\n'));
  return applyMapping(compilation.mapping, body, RECEIVED_AT);
}

function refusal(mapping: EventMappingDocument, body: unknown): MappingError {
  try {
    read(mapping, body);
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error('expected a MappingError');
}

const KEYED = { alertKey: '$.id', title: '{{ $.name }}' };

describe('applyMapping', () => {
  it('reads the body as one item without items, and each element of the items array with it', () => {
    expect(read(KEYED, { id: 'a', name: 'A' }).map(({ title }) => title)).toEqual(['A']);
    const body = {
      checks: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    };
    const events = read({ ...KEYED, items: '$.checks' }, body);
    expect(events.map(({ title, raw }) => [title, raw])).toEqual([
      ['A', body.checks[0]],
      ['B', body.checks[1]],
    ]);
    expect(read({ ...KEYED, items: '$' }, [{ id: 'c', name: 'C' }])[0]?.title).toBe('C');
    expect(read({ ...KEYED, items: '$.checks' }, { checks: [] })).toEqual([]);
  });

  it('hashes the alert key canonically: values as text, in order, 42 and "42" alike', () => {
    const [event] = read({ alertKey: ['$.host', '$.check'], title: 't' }, { host: 'h', check: 42 });
    expect(event?.alertKey).toBe(stableHash(['h', '42']));
    const [same] = read(
      { alertKey: ['$.host', '$.check'], title: 't' },
      { host: 'h', check: '42' },
    );
    expect(same?.alertKey).toBe(event?.alertKey);
    const [swapped] = read(
      { alertKey: ['$.check', '$.host'], title: 't' },
      { host: 'h', check: 42 },
    );
    expect(swapped?.alertKey).not.toBe(event?.alertKey);
  });

  it('refuses an item whose alert key path is missing or null, naming both paths', () => {
    const body = { alerts: [{ host: 'a', check: 'x' }, { host: 'b' }] };
    const error = refusal({ items: '$.alerts', alertKey: ['$.host', '$.check'], title: 't' }, body);
    expect(error.path).toBe('$.alerts[1].check');
    expect(error.field).toBe('mapping.alertKey[1]');
    expect(error.message).toBe(
      '$.alerts[1].check: is missing, and the alert key is made of it (mapping.alertKey[1])',
    );
    expect(refusal(KEYED, { id: null }).reason).toContain('is null');
    expect(read(KEYED, { id: '' })[0]?.alertKey).toBe(stableHash(['']));
  });

  it('refuses a body without its items array, or with more items than a push may carry', () => {
    expect(refusal({ ...KEYED, items: '$.alerts' }, { alert: {} })).toMatchObject({
      path: '$.alerts',
      field: 'mapping.items',
      reason: 'is missing, where the mapping reads its array of items',
    });
    expect(refusal({ ...KEYED, items: '$.alerts' }, { alerts: { id: 1 } }).reason).toContain(
      'is an object',
    );
    const many = { alerts: Array.from({ length: MAX_EVENTS_PER_PUSH + 1 }, () => ({ id: 1 })) };
    expect(refusal({ ...KEYED, items: '$.alerts' }, many).reason).toContain(
      `at most ${MAX_EVENTS_PER_PUSH} events`,
    );
  });

  it('renders templates: the first alternative with text, numbers and booleans as JSON writes them', () => {
    const mapping = {
      alertKey: '$.id',
      title: '{{ $.summary | $.check | "unnamed" }} ({{ $.value }}, {{ $.ok }}, {{ $.none }})',
    };
    expect(
      read(mapping, { id: 1, summary: '', check: 'disk', value: 0.5, ok: false })[0]?.title,
    ).toBe('disk (0.5, false, )');
    expect(read(mapping, { id: 1, value: -0, ok: true, none: null })[0]?.title).toBe(
      'unnamed (0, true, )',
    );
  });

  it('refuses an object or an array where text is needed, naming where', () => {
    const error = refusal({ alertKey: '$.id', title: '{{ $.check }}' }, { id: 1, check: { a: 1 } });
    expect(error).toMatchObject({ path: '$.check', field: 'mapping.title' });
    expect(error.reason).toContain('is an object');
  });

  it("keeps the alert's title when the template writes nothing, the key's values standing in", () => {
    const [bare] = read(
      { alertKey: ['$.host', '$.check'], title: '{{ $.name }}' },
      { host: 'h', check: 'c' },
    );
    expect(bare).toMatchObject({ title: 'h / c', keepsAlertTitle: true });
    const [blank] = read({ alertKey: '$.id', title: '{{ $.name }}' }, { id: ' ' });
    expect(blank).toMatchObject({ title: `Alert ${stableHash([' '])}`, keepsAlertTitle: true });
    const [named] = read({ alertKey: '$.id', title: '{{ $.name }}' }, { id: 1, name: 'n' });
    expect(named?.keepsAlertTitle).toBeUndefined();
  });

  it('never reads past the payload: no prototype, no method, no inherited key', () => {
    const body = JSON.parse('{"id": "x", "list": [1]}') as unknown;
    const mapping = {
      alertKey: '$.id',
      title:
        '{{ $.constructor | $.toString | $.__proto__ | $.list.length | $.id.length | "none" }}',
      labels: { proto: '{{ $.hasOwnProperty }}' },
    };
    expect(read(mapping, body)[0]).toMatchObject({ title: 'none', labels: {} });
  });

  it('reads labels from objects and from arrays of pairs, the chosen labels winning', () => {
    const body = {
      id: 1,
      tags: [['env', 'prod'], ['team', 'db'], ['bad'], { key: 'zone', value: 'eu-1' }, 'x'],
      meta: { env: 'staging', replicas: 3, canary: true, nested: { a: 1 }, empty: null },
      host: 'h1',
    };
    const [event] = read(
      {
        alertKey: '$.id',
        title: 't',
        labelsFrom: ['$.meta', '$.tags', '$.missing'],
        labels: { host: '{{ $.host }}', team: '{{ $.nobody }}', ['__proto__']: 'kept' },
      },
      body,
    );
    expect(event?.labels).toEqual({
      env: 'prod',
      replicas: '3',
      canary: 'true',
      team: 'db',
      zone: 'eu-1',
      host: 'h1',
      ['__proto__']: 'kept',
    });
    expect(Object.getPrototypeOf(event?.labels)).toBe(Object.prototype);
  });

  it(`reads at most ${LABELS_FROM_ENTRIES} labels from one object`, () => {
    const tags = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`t${index}`, 'v']));
    const [event] = read({ ...KEYED, labelsFrom: '$.tags' }, { id: 1, tags });
    expect(Object.keys(event?.labels ?? {})).toHaveLength(LABELS_FROM_ENTRIES);
  });

  it('refuses labelsFrom that leads to text', () => {
    expect(refusal({ ...KEYED, labelsFrom: '$.tags' }, { id: 1, tags: 'a:b' })).toMatchObject({
      path: '$.tags',
      field: 'mapping.labelsFrom',
    });
  });

  it('maps status and severity words in any case, numbers and booleans as text, with defaults', () => {
    const mapping: EventMappingDocument = {
      items: '$.checks',
      alertKey: '$.id',
      title: 't',
      severity: { path: '$.level', values: { ERROR: 'Critical', '1': 'Info' }, default: 'Warning' },
      status: {
        path: '$.state',
        values: { RESOLVED: 'resolved', OK: 'resolved', '0': 'resolved' },
      },
    };
    const body = {
      checks: [
        { id: 1, level: 'error', state: 'resolved' },
        { id: 2, level: 1, state: 0 },
        { id: 3, level: 'weird', state: 'ok' },
        { id: 4, state: 'ALERT' },
      ],
    };
    expect(
      read(mapping, body).map(({ status, severity, sourceSeverity }) => [
        status,
        severity,
        sourceSeverity,
      ]),
    ).toEqual([
      ['resolved', 'Critical', 'error'],
      ['resolved', 'Info', '1'],
      ['resolved', 'Warning', 'weird'],
      ['firing', 'Warning', undefined],
    ]);
  });

  it("leaves severity to the plugin's map without a severity section", () => {
    expect(read(KEYED, { id: 1 })[0]?.severity).toBeUndefined();
  });

  it('reads the event time, or gives the time received when its path gives none', () => {
    const mapping = { ...KEYED, eventTime: { path: '$.at' } };
    expect(read(mapping, { id: 1, at: 1796544000 })[0]?.eventTime).toEqual(
      new Date('2026-12-06T08:00:00Z'),
    );
    expect(read(mapping, { id: 1 })[0]?.eventTime).toEqual(RECEIVED_AT);
    expect(read(KEYED, { id: 1 })[0]?.eventTime).toEqual(RECEIVED_AT);
    expect(refusal(mapping, { id: 1, at: 'yesterday' })).toMatchObject({
      path: '$.at',
      field: 'mapping.eventTime',
    });
  });

  it('keeps links that render to something, none when none does', () => {
    const mapping = {
      ...KEYED,
      links: { sourceUrl: '{{ $.url }}', runbookUrl: '{{ $.runbook }}' },
    };
    expect(read(mapping, { id: 1, url: 'https://x.example/1' })[0]?.links).toEqual({
      sourceUrl: 'https://x.example/1',
    });
    expect(read(mapping, { id: 1 })[0]?.links).toBeUndefined();
  });

  it(`cuts what a template writes at ${TEMPLATE_OUTPUT_LIMIT} characters, never half a character`, () => {
    const long = '😀'.repeat(TEMPLATE_OUTPUT_LIMIT);
    const [event] = read({ alertKey: '$.id', title: 'x{{ $.long }}' }, { id: 1, long });
    expect(event?.title.length).toBe(TEMPLATE_OUTPUT_LIMIT - 1);
  });

  it('refuses a push that needs more work than a mapping may do, instead of doing it', () => {
    const big = 'x'.repeat(2_000_000);
    const body = { big, alerts: Array.from({ length: 1000 }, (_, id) => ({ id })) };
    const error = refusal({ ...KEYED, items: '$.alerts', alertKey: ['$.id', '$$.big'] }, body);
    expect(error.reason).toContain(`more than ${MAPPING_WORK_LIMIT} steps`);
    expect(error.field).toBe('mapping');
    expect(error.path).toMatch(/^\$\.alerts\[\d+\]$/);
  });

  it('reads an object shared by every item once per push', () => {
    const shared = Object.fromEntries(
      Array.from({ length: 200_000 }, (_, index) => [`k${index}`, 1]),
    );
    const body = {
      shared,
      alerts: Array.from({ length: MAX_EVENTS_PER_PUSH }, (_, id) => ({ id })),
    };
    const events = read({ ...KEYED, items: '$.alerts', labelsFrom: '$$.shared' }, body);
    expect(events).toHaveLength(MAX_EVENTS_PER_PUSH);
    expect(Object.keys(events[0]?.labels ?? {})).toHaveLength(LABELS_FROM_ENTRIES);
  });
});
