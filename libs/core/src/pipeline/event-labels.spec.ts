import { describe, expect, it } from '@jest/globals';
import { setLabel } from './event-labels.js';

describe('setLabel', () => {
  it('makes every name an own label, those of Object.prototype included', () => {
    const labels: Record<string, string> = { team: 'db' };
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      setLabel(labels, name, `${name}-value`);
    }
    setLabel(labels, 'team', 'web');
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.entries(labels)).toEqual([
      ['team', 'web'],
      ['__proto__', '__proto__-value'],
      ['constructor', 'constructor-value'],
      ['toString', 'toString-value'],
      ['hasOwnProperty', 'hasOwnProperty-value'],
    ]);
    expect(JSON.parse(JSON.stringify(labels))).toHaveProperty('__proto__', '__proto__-value');
  });
});
