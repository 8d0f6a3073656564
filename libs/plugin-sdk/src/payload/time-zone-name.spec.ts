import { describe, expect, it } from '@jest/globals';
import { isTimeZoneName } from './time-zone-name.js';

describe('isTimeZoneName', () => {
  it('knows IANA names and nothing else', () => {
    expect(isTimeZoneName('Asia/Shanghai')).toBe(true);
    expect(isTimeZoneName('UTC')).toBe(true);
    expect(isTimeZoneName('Mars/Olympus')).toBe(false);
  });
});
