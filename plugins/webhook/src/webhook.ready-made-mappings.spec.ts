import { describe, expect, it } from '@jest/globals';
import { compileMapping } from '@alert-hub/plugin-sdk';
import { loadFixtureCases, readJsonFile } from '@alert-hub/plugin-sdk/testing';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAPPING_SETTING } from './webhook.settings.js';

const MAPPINGS_DIR = join(import.meta.dirname, '../docs/mappings');
const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');

const readyMade = readdirSync(MAPPINGS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    source: file.slice(0, -'.json'.length),
    mapping: readJsonFile(join(MAPPINGS_DIR, file)),
  }));

describe('the ready-made mappings of docs/mappings', () => {
  it('are at least two', () => {
    expect(readyMade.map(({ source }) => source)).toEqual([
      'graylog-http-notification',
      'sentry-metric-alert',
    ]);
  });

  it.each(readyMade)('$source compiles', ({ mapping }) => {
    expect(compileMapping(mapping)).toMatchObject({ valid: true });
  });

  // The fixtures of a source carry its mapping in their settings file, as the contract test and
  // the e2e suite read it: the copy there must be the documented one.
  it.each(readyMade)(
    '$source is the mapping its fixtures are read with, and it has fixtures',
    ({ source, mapping }) => {
      const fixtures = loadFixtureCases(FIXTURES_DIR).filter(({ name }) => name.startsWith(source));
      expect(fixtures.length).toBeGreaterThan(0);
      for (const fixture of fixtures) expect(fixture.settings[MAPPING_SETTING]).toEqual(mapping);
    },
  );
});
