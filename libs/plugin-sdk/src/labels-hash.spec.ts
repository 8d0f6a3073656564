import { describe, expect, it } from '@jest/globals';
import { labelsHash, stableHash } from './labels-hash.js';

describe('labelsHash', () => {
  it('does not depend on the order of the labels', () => {
    expect(labelsHash({ b: '2', a: '1' })).toBe(labelsHash({ a: '1', b: '2' }));
  });

  it('tells apart label sets that would concatenate alike', () => {
    expect(labelsHash({ a: 'bc' })).not.toBe(labelsHash({ ab: 'c' }));
    expect(labelsHash({ a: '' })).not.toBe(labelsHash({}));
  });

  it('is 32 hex characters that never change for the same labels', () => {
    // A changed hash would split every stored alert keyed by it from its new events.
    expect(labelsHash({})).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5');
    expect(stableHash(['a', 'b'])).toMatch(/^[0-9a-f]{32}$/);
  });
});
