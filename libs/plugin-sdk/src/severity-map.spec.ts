import { describe, expect, it } from '@jest/globals';
import type { ParsedEvent } from './parsed-event.js';
import {
  applySeverityMap,
  renderSeverityTable,
  severityMapProblems,
  type SeverityMap,
} from './severity-map.js';

const map: SeverityMap = {
  fields: ['labels.severity', 'labels.level'],
  values: { critical: 'Critical', WARN: 'Warning', info: 'Info', ok: 'Ok' },
  default: 'Warning',
};

function event(
  labels: Record<string, string>,
  status: ParsedEvent['status'] = 'firing',
): ParsedEvent {
  return { status, alertKey: 'k', title: 't', labels, raw: {} };
}

describe('applySeverityMap', () => {
  it('keeps a severity the plugin decided itself, and its word, whatever the labels say', () => {
    const decided = {
      ...event({ severity: 'ok' }),
      severity: 'Info' as const,
      sourceSeverity: '3',
    };
    expect(applySeverityMap(map, decided)).toEqual({
      severity: 'Info',
      status: 'firing',
      sourceSeverity: '3',
    });
  });

  it('matches source words case-insensitively', () => {
    expect(applySeverityMap(map, event({ severity: 'CRITICAL' }))).toEqual({
      severity: 'Critical',
      status: 'firing',
      sourceSeverity: 'CRITICAL',
    });
    expect(applySeverityMap(map, event({ severity: 'warn' })).severity).toBe('Warning');
  });

  it('reads the fields in order and skips words it does not know', () => {
    expect(applySeverityMap(map, event({ level: 'info' })).severity).toBe('Info');
    expect(applySeverityMap(map, event({ severity: 'bogus', level: 'critical' })).severity).toBe(
      'Critical',
    );
  });

  it('falls back to the default and keeps the unknown word as the source severity', () => {
    expect(applySeverityMap(map, event({ severity: 'bogus' }))).toEqual({
      severity: 'Warning',
      status: 'firing',
      sourceSeverity: 'bogus',
    });
    expect(applySeverityMap(map, event({}))).toEqual({ severity: 'Warning', status: 'firing' });
  });

  it('treats a word mapped to Ok as a resolution whatever the status says', () => {
    expect(applySeverityMap(map, event({ severity: 'OK' }, 'firing')).status).toBe('resolved');
  });
});

describe('severityMapProblems', () => {
  it('accepts a sound map', () => {
    expect(severityMapProblems(map)).toEqual([]);
  });

  it('names each problem', () => {
    const problems = severityMapProblems({
      fields: ['severity'],
      values: { a: 'Bad' },
      default: 'Ok',
    });
    expect(problems).toEqual([
      'field "severity" must look like labels.<name> or annotations.<name>',
      'default must be one of Critical, Warning, Info (got "Ok")',
      'value of "a" must be Critical, Warning, Info or Ok',
    ]);
  });
});

describe('renderSeverityTable', () => {
  it('lists every mapped word and the default', () => {
    const table = renderSeverityTable(map);
    expect(table).toContain('| `critical` | Critical |');
    expect(table).toContain('| `ok` | Ok (resolves the alert) |');
    expect(table).toContain('| anything else, or none | Warning |');
  });
});
