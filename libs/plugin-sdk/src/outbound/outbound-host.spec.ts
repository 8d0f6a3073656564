import { describe, expect, it } from '@jest/globals';
import { outboundHostMatches, outboundHostProblem, outboundUrlAllowed } from './outbound-host.js';

describe('outboundHostProblem', () => {
  it('accepts names and patterns with * for whole labels before a named domain', () => {
    for (const pattern of ['sns.*.amazonaws.com', 'sns.*.amazonaws.com.cn', 'localhost', 'a.b.c']) {
      expect(outboundHostProblem(pattern)).toBeUndefined();
    }
  });

  it('refuses patterns that reach a whole domain, partial wildcards and other text', () => {
    expect(outboundHostProblem('*.com')).toBe(
      '"*.com" must end in two labels that are names, not *',
    );
    expect(outboundHostProblem('sns.amazonaws.*')).toBeDefined();
    for (const pattern of ['sns-*.amazonaws.com', 'SNS.amazonaws.com', 'a..b', '', 'a.b:443']) {
      expect(outboundHostProblem(pattern)).toBe(
        `"${pattern}" is not a lowercase host name, with * for one whole label`,
      );
    }
  });
});

describe('outboundHostMatches', () => {
  it('matches * against exactly one label', () => {
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns.us-west-2.amazonaws.com')).toBe(true);
    expect(outboundHostMatches('sns.*.amazonaws.com', 'SNS.EU-WEST-1.amazonaws.com.')).toBe(true);
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns.amazonaws.com')).toBe(false);
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns.a.b.amazonaws.com')).toBe(false);
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns.us-west-2.amazonaws.com.cn')).toBe(
      false,
    );
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns.evil.com')).toBe(false);
    expect(outboundHostMatches('sns.*.amazonaws.com', 'sns..amazonaws.com')).toBe(false);
  });

  it('matches a plain name only by itself', () => {
    expect(outboundHostMatches('localhost', 'localhost')).toBe(true);
    expect(outboundHostMatches('localhost', 'localhost.evil.com')).toBe(false);
  });
});

describe('outboundUrlAllowed', () => {
  const hosts = ['sns.*.amazonaws.com'];

  it('allows HTTPS on port 443 of a matching host', () => {
    expect(outboundUrlAllowed('https://sns.us-west-2.amazonaws.com/cert.pem', hosts)).toBe(true);
    expect(outboundUrlAllowed('https://sns.us-west-2.amazonaws.com:443/x', hosts)).toBe(true);
  });

  it('refuses plain HTTP, other ports, credentials, other hosts and what is no URL', () => {
    for (const url of [
      'http://sns.us-west-2.amazonaws.com/cert.pem',
      'https://sns.us-west-2.amazonaws.com:8443/cert.pem',
      'https://user:pw@sns.us-west-2.amazonaws.com/cert.pem',
      'https://sns.us-west-2.amazonaws.com.evil.com/cert.pem',
      'https://evil.com/?sns.us-west-2.amazonaws.com',
      'not a url',
    ]) {
      expect(outboundUrlAllowed(url, hosts)).toBe(false);
    }
  });

  it('reads a port in an entry of a replacement list', () => {
    expect(outboundUrlAllowed('https://localhost:8443/c.pem', ['localhost:8443'])).toBe(true);
    expect(outboundUrlAllowed('https://localhost/c.pem', ['localhost:8443'])).toBe(false);
    expect(outboundUrlAllowed('https://127.0.0.1:8443/c.pem', ['127.0.0.1:8443'])).toBe(true);
  });
});
