import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { childPath } from './json-path.js';
import {
  readArray,
  readInteger,
  readObject,
  readOptionalString,
  readString,
  readStringMap,
} from './payload-reader.js';

describe('childPath', () => {
  it('writes identifiers with a dot, indexes and other keys in brackets', () => {
    expect(childPath(childPath(childPath('$', 'alerts'), 2), 'labels')).toBe('$.alerts[2].labels');
    expect(childPath('$.labels', 'team-name')).toBe('$.labels["team-name"]');
    expect(childPath('$.labels', '集群')).toBe('$.labels["集群"]');
  });
});

describe('readObject and readArray', () => {
  it('say what they expected and what they got', () => {
    expect(catchPayloadError(() => readObject([], '$')).message).toBe(
      '$: expected an object, got an array',
    );
    expect(catchPayloadError(() => readObject(undefined, '$.body')).message).toBe(
      '$.body: is required (an object)',
    );
    expect(catchPayloadError(() => readArray('x', '$.alerts')).message).toBe(
      '$.alerts: expected an array, got a string "x"',
    );
    expect(readArray([1], '$.alerts')).toEqual([1]);
  });
});

describe('readString and readOptionalString', () => {
  it('accept strings only', () => {
    expect(readString('a', '$.a')).toBe('a');
    expect(catchPayloadError(() => readString(7, '$.a')).message).toBe(
      '$.a: expected a string, got a number 7',
    );
  });

  it('read missing, null and empty as absent', () => {
    expect(readOptionalString(undefined, '$.a')).toBeUndefined();
    expect(readOptionalString(null, '$.a')).toBeUndefined();
    expect(readOptionalString('', '$.a')).toBeUndefined();
    expect(catchPayloadError(() => readOptionalString(false, '$.a')).path).toBe('$.a');
  });

  it('cut long values short in messages', () => {
    const message = catchPayloadError(() => readArray('x'.repeat(10_000), '$.a')).message;
    expect(message.length).toBeLessThan(120);
  });
});

describe('readStringMap', () => {
  it('keeps strings, writes numbers and booleans as text and drops null', () => {
    expect(
      readStringMap({ a: 'x', n: 3.5, b: false, gone: null, empty: '' }, '$.alerts[0].labels'),
    ).toEqual({ a: 'x', n: '3.5', b: 'false', empty: '' });
  });

  it('reads a missing or null map as empty', () => {
    expect(readStringMap(undefined, '$.labels')).toEqual({});
    expect(readStringMap(null, '$.labels')).toEqual({});
  });

  it('rejects nested values at their path', () => {
    expect(catchPayloadError(() => readStringMap({ a: { b: 'c' } }, '$.labels')).path).toBe(
      '$.labels.a',
    );
    expect(catchPayloadError(() => readStringMap({ 'x-y': ['c'] }, '$.labels')).path).toBe(
      '$.labels["x-y"]',
    );
    expect(catchPayloadError(() => readStringMap('a=b', '$.labels')).path).toBe('$.labels');
  });

  it('keeps a label named __proto__ as a label', () => {
    const labels = readStringMap(JSON.parse('{"__proto__": "x"}'), '$.labels');
    expect(Object.keys(labels)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });

  it('returns a copy', () => {
    const source = { a: 'x' };
    expect(readStringMap(source, '$.labels')).not.toBe(source);
  });
});

describe('readInteger', () => {
  it('reads integers sent as numbers or as text', () => {
    expect(readInteger(3, '$.status')).toBe(3);
    expect(readInteger('0', '$.status')).toBe(0);
    expect(readInteger(' 5 ', '$.status')).toBe(5);
    expect(readInteger('-2', '$.status')).toBe(-2);
  });

  it('rejects fractions, words, empty text and booleans at their path', () => {
    for (const value of [1.5, '1.5', 'one', '', true, null, undefined, '1e3', Number.NaN]) {
      expect(catchPayloadError(() => readInteger(value, '$.heartbeat.status')).path).toBe(
        '$.heartbeat.status',
      );
    }
    expect(catchPayloadError(() => readInteger('UP', '$.s')).message).toBe(
      '$.s: expected an integer, got a string "UP"',
    );
  });
});
