import { describe, expect, it } from '@jest/globals';
import { catchPayloadError } from '../testing/catch-payload-error.js';
import { readOneOf } from './one-of.js';

const STATUSES = ['Critical', 'Warning', 'Ok'] as const;

describe('readOneOf', () => {
  it('gives the word as the list spells it, whatever its case and blanks', () => {
    expect(readOneOf(' ok', '$.status', STATUSES)).toBe('Ok');
    expect(readOneOf('CRITICAL', '$.status', STATUSES)).toBe('Critical');
  });

  it('refuses another word or no text, listing the words and naming the path', () => {
    const error = catchPayloadError(() => readOneOf('Fine', '$.status', STATUSES));
    expect(error.path).toBe('$.status');
    expect(error.message).toBe(
      '$.status: expected one of Critical, Warning, Ok, got a string "Fine"',
    );
    expect(catchPayloadError(() => readOneOf(undefined, '$.s', STATUSES)).message).toBe(
      '$.s: is required (a string)',
    );
  });
});
