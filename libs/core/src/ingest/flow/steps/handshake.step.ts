import { Injectable } from '@nestjs/common';
import { OutboundHostNotAllowed, OutboundRequestFailed, PayloadError } from '@alert-hub/plugin-sdk';
import { nothingStored } from '../../../events/normalized-event.js';
import { SubscriptionHandshakes } from '../../../handshakes/subscription-handshakes.js';
import { HandshakeRefusedError } from '../../handshake-refused.error.js';
import { UpstreamUnavailableError } from '../../upstream-unavailable.error.js';
import type { IngestRun } from '../ingest-run.js';
import type { IngestStep } from '../ingest-step.js';

/**
 * A subscription confirmation (SNS and the like) is confirmed instead of parsed. It is also where
 * the body starts to matter: an empty one is refused here, after its signature was checked.
 */
@Injectable()
export class HandshakeStep implements IngestStep {
  readonly name = 'handshake';

  constructor(private readonly handshakes: SubscriptionHandshakes) {}

  async run(run: IngestRun): Promise<void> {
    const { integration, plugin, push } = run;
    if (push.body === undefined) throw new PayloadError('the body is empty', '$');
    const handshake = plugin.handshake?.(push.body, run.context);
    if (handshake === undefined) return;
    try {
      run.finish(nothingStored(), await this.handshakes.confirm(integration, plugin, handshake));
    } catch (error) {
      if (error instanceof OutboundHostNotAllowed) {
        throw new HandshakeRefusedError(`${handshake.description}: ${error.message}`);
      }
      if (error instanceof OutboundRequestFailed) {
        throw new UpstreamUnavailableError(`confirming ${handshake.description}: ${error.message}`);
      }
      throw error;
    }
  }

  /** Says what a push would confirm, and confirms nothing. */
  preview(run: IngestRun): void {
    const handshake = run.plugin.handshake?.(run.push.body, run.context);
    if (handshake === undefined) return;
    run.finish(
      nothingStored(),
      `A push of this payload confirms ${handshake.description} (GET ${handshake.confirmUrl}) and stores no events`,
    );
  }
}
