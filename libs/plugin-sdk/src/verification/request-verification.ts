import type { SigningCertificates } from '../outbound/signing-certificates.js';
import type { PluginSettingValues } from '../settings/plugin-setting.js';

/** What a plugin's `verify` sees of a push, before the body is parsed. */
export interface VerificationRequest {
  /** The body's bytes as sent (after any Content-Encoding is undone): what senders sign. */
  rawBody: Buffer;
  /** Lowercase names; credentials (`Authorization`, `Cookie`) withheld. */
  headers: Readonly<Record<string, string>>;
  settings: PluginSettingValues;
  receivedAt: Date;
  /** Fetches a certificate the message names, from the plugin's `outboundHosts` only. */
  certificates: SigningCertificates;
}

/**
 * `reason` goes to the push log for the admin; the sender only learns that verification failed,
 * so a forger gets no hint which part was wrong.
 */
export type VerificationResult = { verified: true } | { verified: false; reason: string };

export const VERIFIED: VerificationResult = { verified: true };

export function verificationFailed(reason: string): VerificationResult {
  return { verified: false, reason };
}
