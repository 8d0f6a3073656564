import { describe, expect, it } from '@jest/globals';
import { hmacSha256Hex, type PluginSettingValues } from '@alert-hub/plugin-sdk';
import { signingCertificatesDouble } from '@alert-hub/plugin-sdk/testing';
import { verifyGrafanaSignature } from './grafana.verify.js';

const BODY = Buffer.from('{"receiver":"alert-hub","alerts":[]}');
const RECEIVED_AT = new Date('2026-01-01T00:00:00Z');
const NOW_SECONDS = String(RECEIVED_AT.getTime() / 1000);
const SECRET = 'grafana-contact-point-secret';

function verify(headers: Record<string, string>, settings: PluginSettingValues) {
  return verifyGrafanaSignature({
    rawBody: BODY,
    headers,
    settings,
    receivedAt: RECEIVED_AT,
    // Grafana signs with a shared secret and names no certificate.
    certificates: signingCertificatesDouble({}, []),
  });
}

describe('verifyGrafanaSignature', () => {
  it('accepts every push of an integration without a secret', () => {
    expect(verify({}, {})).toEqual({ verified: true });
  });

  it('accepts the HMAC-SHA256 of the body in X-Grafana-Alerting-Signature', () => {
    const signature = hmacSha256Hex(SECRET, [BODY]);
    expect(verify({ 'x-grafana-alerting-signature': signature }, { hmacSecret: SECRET })).toEqual({
      verified: true,
    });
  });

  it('refuses a signature made with another secret, saying so', () => {
    const forged = hmacSha256Hex('guessed', [BODY]);
    expect(verify({ 'x-grafana-alerting-signature': forged }, { hmacSecret: SECRET })).toEqual({
      verified: false,
      reason:
        'X-Grafana-Alerting-Signature does not match the body: another secret, or the body was changed',
    });
  });

  it('refuses a push without a signature when the integration has a secret', () => {
    expect(verify({}, { hmacSecret: SECRET })).toEqual({
      verified: false,
      reason: 'no X-Grafana-Alerting-Signature header, and this integration has a secret',
    });
  });

  it('reads the signature from the header the integration names', () => {
    const signature = hmacSha256Hex(SECRET, [BODY]);
    const settings = { hmacSecret: SECRET, signatureHeader: 'X-Signature' };
    expect(verify({ 'x-signature': signature }, settings)).toEqual({ verified: true });
  });

  describe('with a timestamp header', () => {
    const settings = {
      hmacSecret: SECRET,
      timestampHeader: 'X-Grafana-Alerting-Timestamp',
      maxSignatureAgeSeconds: 300,
    };

    it('accepts the HMAC of "<timestamp>:<body>"', () => {
      const signature = hmacSha256Hex(SECRET, [`${NOW_SECONDS}:`, BODY]);
      const headers = {
        'x-grafana-alerting-signature': signature,
        'x-grafana-alerting-timestamp': NOW_SECONDS,
      };
      expect(verify(headers, settings)).toEqual({ verified: true });
    });

    it('refuses the HMAC of the body alone', () => {
      const headers = {
        'x-grafana-alerting-signature': hmacSha256Hex(SECRET, [BODY]),
        'x-grafana-alerting-timestamp': NOW_SECONDS,
      };
      expect(verify(headers, settings)).toMatchObject({ verified: false });
    });

    it('refuses a push without the timestamp', () => {
      const headers = { 'x-grafana-alerting-signature': hmacSha256Hex(SECRET, [BODY]) };
      expect(verify(headers, settings)).toEqual({
        verified: false,
        reason: 'no X-Grafana-Alerting-Timestamp header',
      });
    });

    it('refuses a correctly signed push replayed later than the allowed age', () => {
      const old = String(Number(NOW_SECONDS) - 301);
      const headers = {
        'x-grafana-alerting-signature': hmacSha256Hex(SECRET, [`${old}:`, BODY]),
        'x-grafana-alerting-timestamp': old,
      };
      expect(verify(headers, settings)).toEqual({
        verified: false,
        reason: 'X-Grafana-Alerting-Timestamp is 301 s from the time received (more than 300 s)',
      });
    });

    it('refuses a timestamp that is not Unix seconds', () => {
      const headers = {
        'x-grafana-alerting-signature': hmacSha256Hex(SECRET, [BODY]),
        'x-grafana-alerting-timestamp': '2026-01-01T00:00:00Z',
      };
      expect(verify(headers, settings)).toEqual({
        verified: false,
        reason: 'X-Grafana-Alerting-Timestamp is not Unix seconds',
      });
    });
  });
});
