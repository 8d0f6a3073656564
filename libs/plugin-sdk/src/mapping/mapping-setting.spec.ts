import { describe, expect, it } from '@jest/globals';
import { MappingError } from './mapping-error.js';
import { readMappingSetting } from './mapping-setting.js';

describe('readMappingSetting', () => {
  it('compiles a stored mapping once, and gives nothing when there is none', () => {
    const settings = { mapping: { alertKey: '$.id', title: 't' } };
    const first = readMappingSetting(settings, 'mapping');
    expect(first?.alertKey[0]?.path.steps).toEqual(['id']);
    expect(readMappingSetting(settings, 'mapping')).toBe(first);
    expect(readMappingSetting({}, 'mapping')).toBeUndefined();
  });

  it('refuses a stored mapping this version does not accept, saying why', () => {
    const read = () => readMappingSetting({ mapping: { alertKey: '$.id' } }, 'mapping');
    expect(read).toThrow(MappingError);
    expect(read).toThrow('the saved mapping is not valid: mapping.title: is required');
  });
});
