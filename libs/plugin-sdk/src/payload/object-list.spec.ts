import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { readObjectList } from './object-list.js';

describe('readObjectList', () => {
  it('reads one object as a list of one, at its own path', () => {
    expect(readObjectList({ a: 1 }, '$.Resource')).toEqual([
      { object: { a: 1 }, path: '$.Resource' },
    ]);
  });

  it('reads an array of objects with the path of each', () => {
    expect(readObjectList([{ a: 1 }, { b: 2 }], '$.Resources')).toEqual([
      { object: { a: 1 }, path: '$.Resources[0]' },
      { object: { b: 2 }, path: '$.Resources[1]' },
    ]);
  });

  it('reads missing and null as an empty list', () => {
    expect(readObjectList(undefined, '$.x')).toEqual([]);
    expect(readObjectList(null, '$.x')).toEqual([]);
  });

  it('refuses anything else at its path', () => {
    expect(catchPayloadError(() => readObjectList([{}, 'x'], '$.Resources')).message).toBe(
      '$.Resources[1]: expected an object, got a string "x"',
    );
    expect(catchPayloadError(() => readObjectList('x', '$.Resources')).path).toBe('$.Resources');
  });
});
