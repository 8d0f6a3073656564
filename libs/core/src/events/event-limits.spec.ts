import { describe, expect, it } from '@jest/globals';
import { MAX_EVENT_LINKS } from '@alert-hub/plugin-sdk';
import {
  EVENT_LIMITS,
  boundedAlertKey,
  boundedLinks,
  boundedMap,
  truncate,
} from './event-limits.js';

describe('truncate', () => {
  it('never leaves half of a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('ab😀', 4)).toBe('ab😀');
  });
});

describe('boundedMap', () => {
  it('returns the map itself when it is within the limits', () => {
    const labels = { alertname: 'DiskFull', severity: 'critical' };
    expect(boundedMap(labels, 2048)).toBe(labels);
  });

  it('keeps the first entries in the order received, up to the limit', () => {
    const labels = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, index) => [`label_${index}`, 'v']),
    );
    const bounded = boundedMap(labels, 2048);
    expect(Object.keys(bounded)).toHaveLength(EVENT_LIMITS.mapEntries);
    expect(Object.keys(bounded).at(-1)).toBe(`label_${EVENT_LIMITS.mapEntries - 1}`);
  });

  it('cuts long names and values; a name cut into an earlier one keeps the earlier', () => {
    const long = 'n'.repeat(EVENT_LIMITS.mapName);
    const bounded = boundedMap(
      { [`${long}-first`]: 'first', [`${long}-second`]: 'second', value: 'x'.repeat(1 << 20) },
      2048,
    );
    expect(bounded).toEqual({ [long]: 'first', value: 'x'.repeat(2048) });
  });

  it('keeps a label named __proto__ a label', () => {
    const labels = JSON.parse(`{"__proto__": "${'x'.repeat(3000)}"}`);
    const bounded = boundedMap(labels, 2048);
    expect(Object.keys(bounded)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(bounded)).toBe(Object.prototype);
  });
});

describe('boundedAlertKey', () => {
  it('keeps keys that fit and hashes longer ones to a stable key that fits', () => {
    expect(boundedAlertKey('a1b2')).toBe('a1b2');
    const hashed = boundedAlertKey('k'.repeat(300));
    expect(hashed).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(boundedAlertKey('k'.repeat(300))).toBe(hashed);
  });
});

describe('boundedLinks', () => {
  it('keeps named http and https links in their order', () => {
    const links = {
      generatorUrl: 'http://prometheus:9090/graph',
      panelUrl: 'https://g/d/1?viewPanel=2',
    };
    expect(boundedLinks(links)).toStrictEqual(links);
    expect(Object.keys(boundedLinks({ b: 'http://b', a: 'http://a' }) ?? {})).toEqual(['b', 'a']);
  });

  it('drops what a console must not render as a link, and badly named links', () => {
    expect(
      boundedLinks({
        sourceUrl: 'javascript:alert(1)',
        dataUrl: 'data:text/html,<b>x</b>',
        relativeUrl: '/alerts/1',
        'not a name': 'http://x',
        longUrl: `http://x/${'a'.repeat(2048)}`,
        runbookUrl: 'https://wiki/runbook',
      }),
    ).toStrictEqual({ runbookUrl: 'https://wiki/runbook' });
  });

  it('keeps at most MAX_EVENT_LINKS, and gives null for none', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_EVENT_LINKS + 4 }, (_, index) => [
        `link${index}`,
        `http://x/${index}`,
      ]),
    );
    expect(Object.keys(boundedLinks(many) ?? {})).toHaveLength(MAX_EVENT_LINKS);
    expect(boundedLinks(undefined)).toBeNull();
    expect(boundedLinks({ sourceUrl: 'ftp://x' })).toBeNull();
  });
});
