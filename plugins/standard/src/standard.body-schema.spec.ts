import { describe, expect, it } from '@jest/globals';
import { loadFixtureCases } from '@alert-hub/plugin-sdk/testing';
import { join } from 'node:path';
import { STANDARD_BODY_SCHEMA } from './standard.body-schema.js';
import { dialectOf } from './standard.parser.js';

interface Alternative {
  title: string;
  required: string[];
}

const alternatives = STANDARD_BODY_SCHEMA.oneOf as Alternative[];
const fixtures = loadFixtureCases(join(import.meta.dirname, '../fixtures'));

/** The dialect each alternative of the schema documents. */
const DIALECT_OF_ALTERNATIVE: Record<string, string> = {
  'Alert Hub event': 'alert-hub',
  'Alert Hub batch': 'alert-hub',
  'PagerDuty Events API v2 event': 'pagerduty',
  'Flashduty standard alert event': 'flashduty',
};

describe('STANDARD_BODY_SCHEMA', () => {
  it('documents each fixture under one alternative, of the dialect the parser reads it as', () => {
    for (const fixture of fixtures) {
      const body = fixture.body as Record<string, unknown>;
      const matching = alternatives.filter(({ required }) =>
        required.every((field) => Object.hasOwn(body, field)),
      );
      expect({ fixture: fixture.name, alternatives: matching.length }).toEqual({
        fixture: fixture.name,
        alternatives: 1,
      });
      expect(DIALECT_OF_ALTERNATIVE[matching[0]?.title ?? '']).toBe(dialectOf(body));
    }
  });
});
