import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { JSON_DEPTH_LIMIT, storableJson } from './storable-json.js';

function nestedArrays(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('storableJson', () => {
  it('accepts nesting up to the limit and refuses one level more, at its path', () => {
    expect(() => storableJson(nestedArrays(JSON_DEPTH_LIMIT))).not.toThrow();
    const error = catchPayloadError(() => storableJson({ alerts: [nestedArrays(100_000)] }));
    expect(error.path).toBe(`$.alerts[0]${'[0]'.repeat(JSON_DEPTH_LIMIT - 2)}`);
    expect(error.message).toContain(`nested deeper than ${JSON_DEPTH_LIMIT} levels`);
  });

  it('replaces NUL and unpaired surrogates in values and keys, keeps the rest', () => {
    const input = JSON.parse(
      '{"alerts":[{"labels":{"a\\u0000":"x\\ud800y","ok":"😀 ü"}, "n": 1.5, "b": null}]}',
    );
    expect(storableJson(input)).toEqual({
      alerts: [{ labels: { 'a\ufffd': 'x\ufffdy', ok: '😀 ü' }, n: 1.5, b: null }],
    });
    expect(storableJson('\udc00')).toBe('\ufffd');
  });

  it('keeps a key named __proto__ a key', () => {
    const query = Object.assign(Object.create(null) as object, { ['__proto__']: ['a\u0000'] });
    const fixed = storableJson(query) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(fixed, '__proto__')?.value).toEqual(['a\ufffd']);
  });
});
