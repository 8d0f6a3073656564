import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { readJsonText } from './json-text.js';
import { JSON_DEPTH_LIMIT } from './storable-json.js';

describe('readJsonText', () => {
  it('parses JSON carried in a string', () => {
    expect(readJsonText('{"AlarmName":"cpu","Trigger":{"Period":60}}', '$.Message')).toEqual({
      AlarmName: 'cpu',
      Trigger: { Period: 60 },
    });
  });

  it('refuses text that is not JSON, and a value that is no text, at the path', () => {
    expect(catchPayloadError(() => readJsonText('{"a":', '$.Message', 'an alarm')).message).toBe(
      '$.Message: expected an alarm as JSON text, got "{\\"a\\":"',
    );
    expect(catchPayloadError(() => readJsonText({ a: 1 }, '$.Message')).message).toBe(
      '$.Message: expected a string, got an object',
    );
  });

  it('holds the text to what a body may be: bounded nesting, storable text', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(catchPayloadError(() => readJsonText(deep, '$.Message')).path).toBe(
      `$.Message${'[0]'.repeat(JSON_DEPTH_LIMIT)}`,
    );
    expect(readJsonText('{"name\\u0000":"a\\ud800"}', '$.Message')).toEqual({
      'name\ufffd': 'a\ufffd',
    });
  });
});
