import { describe, expect, it } from '@jest/globals';
import { copyOfLabels, labelsOf, setLabel } from './event-labels.js';

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

describe('labelsOf', () => {
  it('builds labels in the order given, a later pair of a name winning, __proto__ a label', () => {
    const labels = labelsOf([
      ['team', 'db'],
      ['__proto__', 'x'],
      ['env', 'prod'],
      ['team', 'web'],
    ]);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.entries(labels)).toEqual([
      ['team', 'web'],
      ['__proto__', 'x'],
      ['env', 'prod'],
    ]);
  });
});

describe('copyOfLabels', () => {
  it('copies every own label in order, __proto__ a label, the original untouched', () => {
    const labels = JSON.parse('{"team": "db", "__proto__": "x", "env": "prod"}') as Record<
      string,
      string
    >;
    const copy = copyOfLabels(labels);
    copy.team = 'web';
    expect(labels.team).toBe('db');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.entries(copy)).toEqual([
      ['team', 'web'],
      ['__proto__', 'x'],
      ['env', 'prod'],
    ]);
  });

  it('leaves out the names given', () => {
    const labels = { team: 'db', job: 'api', env: 'prod', pod: 'p-1' };
    expect(Object.entries(copyOfLabels(labels, new Set(['job', 'pod', 'absent'])))).toEqual([
      ['team', 'db'],
      ['env', 'prod'],
    ]);
  });
});
