import { Injectable } from '@nestjs/common';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import { PluginOutbound } from '../../../outbound/plugin-outbound.js';
import { SignatureInvalidError } from '../../signature-invalid.error.js';
import { UpstreamUnavailableError } from '../../upstream-unavailable.error.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * The plugin's verdict on the push's signature. A certificate URL off the plugin's allowlist is a
 * failed verification (a forger names a certificate of their own); a certificate host that
 * cannot be reached is no verdict at all: 502, and the source sends the push again. The admin's
 * test push and previews have no bytes to verify: the admin token vouches for them.
 */
@Injectable()
export class VerifyStep implements IngestStep {
  readonly name = 'verify';

  constructor(private readonly outbound: PluginOutbound) {}

  async run({ integration, plugin, push }: IngestRun): Promise<void> {
    if (plugin.verify === undefined || push.rawBody === undefined) return;
    let verification: VerificationResult;
    try {
      verification = await plugin.verify({
        rawBody: push.rawBody,
        headers: push.headers,
        settings: integration.settings,
        receivedAt: push.receivedAt,
        certificates: this.outbound.signingCertificatesFor(plugin),
      });
    } catch (error) {
      if (error instanceof OutboundHostNotAllowed) throw new SignatureInvalidError(error.message);
      if (error instanceof OutboundRequestFailed) {
        throw new UpstreamUnavailableError(`fetching a signing certificate: ${error.message}`);
      }
      throw error;
    }
    if (!verification.verified) throw new SignatureInvalidError(verification.reason);
  }
}
