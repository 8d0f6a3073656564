import { describe, expect, it } from '@jest/globals';
import { AddressPolicy, DEFAULT_DENIED_ADDRESSES, addressBlockProblem } from './address-policy.js';

describe('AddressPolicy', () => {
  const defaults = new AddressPolicy(DEFAULT_DENIED_ADDRESSES, []);

  it('denies loopback, private, link-local and metadata addresses by default, v4 and v6', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ]) {
      expect({ address, permitted: defaults.permits(address) }).toEqual({
        address,
        permitted: false,
      });
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1::1', '172.32.0.1']) {
      expect({ address, permitted: defaults.permits(address) }).toEqual({
        address,
        permitted: true,
      });
    }
  });

  it('lets the allowed blocks through the denied ones', () => {
    const loopback = new AddressPolicy(DEFAULT_DENIED_ADDRESSES, ['127.0.0.1/32']);
    expect(loopback.permits('127.0.0.1')).toBe(true);
    expect(loopback.permits('127.0.0.2')).toBe(false);
  });

  it('names an entry that is no block', () => {
    expect(addressBlockProblem('10.0.0.0/8')).toBeUndefined();
    expect(addressBlockProblem('fc00::/7')).toBeUndefined();
    expect(addressBlockProblem('10.0.0.0/33')).toContain('not an IP address or a CIDR block');
    expect(addressBlockProblem('localhost')).toContain('not an IP address');
  });
});
