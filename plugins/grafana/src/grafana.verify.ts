import {
  VERIFIED,
  hmacSha256HexMatches,
  settingNumber,
  settingText,
  verificationFailed,
  type VerificationRequest,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import { GRAFANA_SIGNATURE_HEADER } from './grafana.settings.js';

/** The timestamp's part of what is signed, after checking it is recent. */
function timestampPrefix(
  request: VerificationRequest,
  header: string,
): string | VerificationResult {
  const timestamp = request.headers[header.toLowerCase()];
  if (timestamp === undefined) return verificationFailed(`no ${header} header`);
  if (!/^\d{1,12}$/.test(timestamp)) {
    return verificationFailed(`${header} is not Unix seconds`);
  }
  const maxAge = settingNumber(request.settings, 'maxSignatureAgeSeconds') ?? 300;
  const ageSeconds = Math.abs(request.receivedAt.getTime() / 1000 - Number(timestamp));
  if (ageSeconds > maxAge) {
    return verificationFailed(
      `${header} is ${Math.round(ageSeconds)} s from the time received (more than ${maxAge} s)`,
    );
  }
  return `${timestamp}:`;
}

/**
 * Grafana's optional HMAC signing: lowercase hex of HMAC-SHA256(secret, body), or of
 * `timestamp:body` when a timestamp header is configured. Without a secret, nothing is checked.
 */
export function verifyGrafanaSignature(request: VerificationRequest): VerificationResult {
  const secret = settingText(request.settings, 'hmacSecret');
  if (secret === undefined) return VERIFIED;
  const signatureHeader =
    settingText(request.settings, 'signatureHeader') ?? GRAFANA_SIGNATURE_HEADER;
  const signature = request.headers[signatureHeader.toLowerCase()];
  if (signature === undefined) {
    return verificationFailed(`no ${signatureHeader} header, and this integration has a secret`);
  }
  const timestampHeader = settingText(request.settings, 'timestampHeader');
  const prefix = timestampHeader === undefined ? '' : timestampPrefix(request, timestampHeader);
  if (typeof prefix !== 'string') return prefix;
  if (!hmacSha256HexMatches(secret, [prefix, request.rawBody], signature)) {
    return verificationFailed(
      `${signatureHeader} does not match the body: another secret, or the body was changed`,
    );
  }
  return VERIFIED;
}
