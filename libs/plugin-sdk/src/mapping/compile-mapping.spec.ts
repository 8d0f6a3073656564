import { describe, expect, it } from '@jest/globals';
import { compileMapping, MAPPING_LIMITS } from './compile-mapping.js';

function problemsOf(input: unknown): string[] {
  const compilation = compileMapping(input);
  return compilation.valid ? [] : compilation.problems;
}

describe('compileMapping', () => {
  it('accepts the smallest mapping: an alert key and a title', () => {
    const compilation = compileMapping({ alertKey: '$.id', title: 'Job {{ $.id }}' });
    expect(compilation.valid).toBe(true);
    if (compilation.valid) {
      expect(compilation.mapping.alertKey.map(({ field }) => field)).toEqual(['mapping.alertKey']);
      expect(compilation.mapping.status).toMatchObject({
        fallback: 'firing',
        field: 'mapping.status',
      });
      expect(compilation.mapping.severity).toBeUndefined();
    }
  });

  it('names every problem by its field', () => {
    expect(
      problemsOf({
        items: 'alerts',
        alertKey: ['$.a', 7],
        title: '{{ $.x',
        labels: { '': '{{ $.a }}', ok: '{{ $.b }}' },
        links: { 'not a name': '{{ $.url }}' },
        eventTime: { path: '$.t', format: 'unix' },
        severity: { path: '$.level', values: { err: 'Error', Warn: 'Warning', warn: 'Info' } },
        status: { values: { OK: 'ok' }, default: 'closed' },
        colour: 'red',
      }),
    ).toEqual([
      'mapping.colour: is not a field here (fields: items, alertKey, title, description, labelsFrom, labels, links, eventTime, severity, status)',
      'mapping.items: expected a path starting with $ (the item) or $$ (the whole body) at character 1',
      'mapping.alertKey[1]: must be a non-empty string, not a number 7',
      'mapping.title: expected }} or | after a path or a quoted text at character 7',
      'mapping.labels[""]: a label name must have text',
      'mapping.links["not a name"]: a link name is a camelCase word (a letter, then letters, digits or _; at most 64)',
      'mapping.eventTime.format: must be one of auto, iso8601, epoch, pattern',
      'mapping.severity.values.err: must be one of Critical, Warning, Info, not a string "Error"',
      'mapping.severity.values.warn: the same word (in another case) maps to something else',
      'mapping.status.values.OK: must be one of firing, resolved, not a string "ok"',
      'mapping.status.default: must be one of firing, resolved',
    ]);
  });

  it('requires an alert key and a title, and refuses anything but an object', () => {
    expect(problemsOf({})).toEqual([
      'mapping.alertKey: is required: the paths that tell one problem from another',
      'mapping.title: is required: a template of the alert title',
    ]);
    expect(problemsOf([])).toEqual(['mapping: must be an object, not an array']);
    expect(problemsOf({ alertKey: [], title: 't' })).toEqual([
      `mapping.alertKey: must list 1 to ${MAPPING_LIMITS.alertKeyPaths} paths`,
    ]);
  });

  it('checks times: a pattern only with format pattern, zones by name or offset', () => {
    const base = { alertKey: '$.id', title: 't' };
    expect(problemsOf({ ...base, eventTime: { path: '$.t', pattern: 'YYYY' } })).toEqual([
      'mapping.eventTime.pattern: is required with format "pattern", and only with it',
    ]);
    expect(
      problemsOf({ ...base, eventTime: { path: '$.t', format: 'pattern', pattern: 'YYYY-MM-DD' } }),
    ).toEqual(['mapping.eventTime.pattern: the pattern lacks HH, mm']);
    expect(problemsOf({ ...base, eventTime: { path: '$.t', timezone: 'Mars/Olympus' } })).toEqual([
      'mapping.eventTime.timezone: expected an IANA time zone (Europe/Paris) or a UTC offset (+08:00)',
    ]);
    expect(problemsOf({ ...base, eventTime: { path: '$.t', timezone: '+05:30' } })).toEqual([]);
  });

  it('bounds the size of what it accepts', () => {
    const labels = Object.fromEntries(
      Array.from({ length: MAPPING_LIMITS.labels + 1 }, (_, index) => [`l${index}`, 'x']),
    );
    expect(problemsOf({ alertKey: '$.id', title: 't', labels })).toEqual([
      `mapping.labels: holds at most ${MAPPING_LIMITS.labels} entries`,
    ]);
    const huge = { alertKey: '$.id', title: 't', description: 'x'.repeat(70_000) };
    expect(problemsOf(huge)).toEqual([
      `mapping: is at most ${MAPPING_LIMITS.documentLength} characters of JSON`,
    ]);
  });

  it('names the field after the setting the mapping is given as', () => {
    const compilation = compileMapping({ alertKey: 1, title: 't' }, 'reader');
    expect(compilation).toEqual({
      valid: false,
      problems: ['reader.alertKey: must be a non-empty string, not a number 1'],
    });
  });
});
