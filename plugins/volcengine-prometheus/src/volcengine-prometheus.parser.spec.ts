import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fixtureParseContext, loadFixtureCases } from '@alert-hub/plugin-sdk/testing';
import { parseVolcenginePrometheusWebhook } from './volcengine-prometheus.parser.js';

const fixtures = new Map(
  loadFixtureCases(join(import.meta.dirname, '../fixtures')).map(({ name, body }) => [name, body]),
);

function alertKeys(fixture: string): string[] {
  return parseVolcenginePrometheusWebhook(fixtures.get(fixture), fixtureParseContext()).map(
    (event) => event.alertKey,
  );
}

describe('parseVolcenginePrometheusWebhook', () => {
  it('gives every occurrence of one problem the same key, whatever its occurrence id', () => {
    const [first] = alertKeys('recurring-occurrence-1');
    expect(alertKeys('recurring-occurrence-2')).toEqual([first]);
    expect(alertKeys('vmp-resolved-p1-no-endsat')).toEqual([first]);
  });

  it('tells apart rules whose fingerprint is the hash of nothing', () => {
    const [ruleA, ruleB] = alertKeys('empty-fingerprint-two-rules');
    expect(ruleA).not.toBe(ruleB);
  });

  it('rejects an alertURL that is not a string where it is', () => {
    const body = { alerts: [{ status: 'firing', alertURL: 42 }] };
    expect(() => parseVolcenginePrometheusWebhook(body, fixtureParseContext())).toThrow(
      '$.alerts[0].alertURL: expected a string, got a number 42',
    );
  });
});
