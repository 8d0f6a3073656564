import { describe, expect, it } from '@jest/globals';
import { bodySchemaProblems } from './push-body-schema.js';

describe('bodySchemaProblems', () => {
  it('accepts a self-contained schema', () => {
    const schema = {
      type: 'object',
      properties: { events: { type: 'array', items: { type: 'string' } } },
      oneOf: [{ required: ['events'] }, { required: ['title'] }],
    };
    expect(bodySchemaProblems(schema)).toEqual([]);
  });

  it('refuses what is no schema, and references the document does not hold, naming where', () => {
    expect(bodySchemaProblems(['type', 'object'])).toEqual([
      'the body schema must be an object (an OpenAPI Schema Object)',
    ]);
    const schema = { oneOf: [{ type: 'object' }, { $ref: '#/components/schemas/Event' }] };
    expect(bodySchemaProblems(schema)).toEqual([
      'the body schema refers elsewhere at $.oneOf[1]: it must be self-contained (no $ref)',
    ]);
  });
});
