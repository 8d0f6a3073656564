import { describe, expect, it } from '@jest/globals';
import { normalizedEvent } from '../testing/normalized-event.js';
import { compileCondition, compileField } from './route-condition.js';
import type { RouteCondition } from './route-set.js';

const event = normalizedEvent({
  title: 'Replication lag on db-7',
  description: 'lag is 42s',
  severity: 'Critical',
  labels: { team: 'db', env: 'prod', empty: '' },
});
const withoutDescription = normalizedEvent({ description: null, labels: {} });

function holds(condition: RouteCondition, on = event): boolean {
  return compileCondition(condition)(on);
}

describe('compileField', () => {
  const valueOf = (on: typeof event, field: string) => compileField(field)(on);

  it('reads the event fields and labels, undefined when absent', () => {
    expect(valueOf(event, 'title')).toBe('Replication lag on db-7');
    expect(valueOf(event, 'description')).toBe('lag is 42s');
    expect(valueOf(event, 'severity')).toBe('Critical');
    expect(valueOf(event, 'status')).toBe('firing');
    expect(valueOf(event, 'labels.team')).toBe('db');
    expect(valueOf(event, 'labels.empty')).toBe('');
    expect(valueOf(event, 'labels.region')).toBeUndefined();
    expect(valueOf(withoutDescription, 'description')).toBeUndefined();
  });

  it('does not mistake inherited properties for labels', () => {
    expect(valueOf(event, 'labels.constructor')).toBeUndefined();
    expect(valueOf(event, 'labels.__proto__')).toBeUndefined();
  });

  it('reads the effective status: a resolution is resolved', () => {
    expect(valueOf(normalizedEvent({ status: 'resolved' }), 'status')).toBe('resolved');
  });
});

describe('compileCondition', () => {
  it('equals and not_equals compare exactly, case included', () => {
    expect(holds({ field: 'labels.team', operator: 'equals', value: 'db' })).toBe(true);
    expect(holds({ field: 'labels.team', operator: 'equals', value: 'DB' })).toBe(false);
    expect(holds({ field: 'labels.team', operator: 'not_equals', value: 'db' })).toBe(false);
    expect(holds({ field: 'labels.team', operator: 'not_equals', value: 'web' })).toBe(true);
    expect(holds({ field: 'severity', operator: 'equals', value: 'Critical' })).toBe(true);
  });

  it('in and not_in test membership', () => {
    expect(holds({ field: 'labels.env', operator: 'in', values: ['staging', 'prod'] })).toBe(true);
    expect(holds({ field: 'labels.env', operator: 'in', values: ['staging'] })).toBe(false);
    expect(holds({ field: 'labels.env', operator: 'not_in', values: ['staging'] })).toBe(true);
    expect(holds({ field: 'labels.env', operator: 'not_in', values: ['prod'] })).toBe(false);
  });

  it('regex matches anywhere in the value unless anchored', () => {
    expect(holds({ field: 'title', operator: 'regex', value: 'db-\\d+' })).toBe(true);
    expect(holds({ field: 'title', operator: 'regex', value: '^db-\\d+$' })).toBe(false);
    expect(holds({ field: 'title', operator: 'regex', value: '(?i)REPLICATION' })).toBe(true);
    expect(holds({ field: 'title', operator: 'not_regex', value: 'web-\\d+' })).toBe(true);
    expect(holds({ field: 'title', operator: 'not_regex', value: 'db-\\d+' })).toBe(false);
  });

  it('exists and not_exists ask whether the event has the field', () => {
    expect(holds({ field: 'labels.team', operator: 'exists' })).toBe(true);
    expect(holds({ field: 'labels.empty', operator: 'exists' })).toBe(true);
    expect(holds({ field: 'labels.region', operator: 'exists' })).toBe(false);
    expect(holds({ field: 'labels.region', operator: 'not_exists' })).toBe(true);
    expect(holds({ field: 'description', operator: 'exists' }, withoutDescription)).toBe(false);
    expect(holds({ field: 'description', operator: 'not_exists' }, withoutDescription)).toBe(true);
  });

  it('on a missing field, the positive operators fail and the negative ones hold', () => {
    const missing = 'labels.region';
    expect(holds({ field: missing, operator: 'equals', value: '' })).toBe(false);
    expect(holds({ field: missing, operator: 'in', values: [''] })).toBe(false);
    expect(holds({ field: missing, operator: 'regex', value: '.*' })).toBe(false);
    expect(holds({ field: missing, operator: 'not_equals', value: 'eu' })).toBe(true);
    expect(holds({ field: missing, operator: 'not_in', values: ['eu'] })).toBe(true);
    expect(holds({ field: missing, operator: 'not_regex', value: '.*' })).toBe(true);
  });

  it('runs a catastrophic-backtracking pattern on a 100 000-character value in linear time', () => {
    // A backtracking engine explores 2^n paths here and would never return; the test timing
    // out is the failure, so only the outcome is asserted.
    const pathological = { field: 'labels.payload', operator: 'regex', value: '(a+)+$' } as const;
    const long = normalizedEvent({ labels: { payload: `${'a'.repeat(100_000)}!` } });
    expect(holds(pathological, long)).toBe(false);
    const nested = { field: 'labels.payload', operator: 'regex', value: '^(a|aa)*b$' } as const;
    expect(holds(nested, long)).toBe(false);
  });
});
