import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAPPING_LANGUAGE } from './webhook.mapping-language.js';
import { WEBHOOK_SETUP_GUIDE } from './webhook.setup.js';

describe('the documentation of the mapping language', () => {
  it('is the same, word for word, in the setup guide and in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(WEBHOOK_SETUP_GUIDE).toContain(MAPPING_LANGUAGE);
    expect(readme).toContain(MAPPING_LANGUAGE);
  });
});
