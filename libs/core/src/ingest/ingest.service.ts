import { Injectable } from '@nestjs/common';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  PayloadError,
  type IntegrationPlugin,
  type PushAnswer,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import { performance } from 'node:perf_hooks';
import { errorResponseFor } from '../common/error-response.js';
import { EventStore } from '../events/event-store.service.js';
import {
  nothingStored,
  type NormalizedEvent,
  type PushSummary,
  type PushToStore,
} from '../events/normalized-event.js';
import { PushTransitions } from '../notifications/push-transitions.js';
import { SubscriptionHandshakes } from '../handshakes/subscription-handshakes.js';
import { HeartbeatBeats } from '../heartbeats/heartbeat-beats.service.js';
import type { Integration } from '../integrations/integration.entity.js';
import { PluginOutbound } from '../outbound/plugin-outbound.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { RoutingService } from '../routing/routing.service.js';
import { HandshakeRefusedError } from './handshake-refused.error.js';
import { IntegrationDisabledError } from './integration-disabled.error.js';
import { eventsOfBody } from './normalize-event.js';
import { PushMonitor } from './push-monitor.js';
import { PushParseContext } from './push-parse-context.js';
import { ReasonedPushError } from './reasoned-push-error.js';
import { SignatureInvalidError } from './signature-invalid.error.js';
import { UpstreamUnavailableError } from './upstream-unavailable.error.js';

export interface Push {
  /** The plugin the push was sent to (the `:pluginId` of the webhook path). */
  pluginId: string;
  body: unknown;
  /**
   * The body's bytes as sent, which the plugin's `verify` checks; undefined for the admin's test
   * push, which the admin token already vouches for.
   */
  rawBody: Buffer | undefined;
  headers: Record<string, string>;
  requestId: string;
  receivedAt: Date;
  /**
   * Whether the plugin's `answer` may shape the success body (a source's push), or the core's
   * summary is the answer whatever the plugin (the admin's test push).
   */
  answeredByPlugin: boolean;
  /** A request to the heartbeat URL: a beat, with no events (a body, if any, is not read). */
  ping?: boolean;
}

/** A push the core accepted, and what to answer it with. */
export interface AcceptedPushResult {
  summary: PushSummary;
  /** What the plugin changes of the core's success answer for a source's push: `{}` if nothing. */
  answer: PushAnswer;
}

interface Processed {
  summary: PushSummary;
  note: string | null;
}

/**
 * The push pipeline: plugin.verify → plugin.handshake (confirmed instead of parsed) →
 * plugin.parse → severity → route → store, for an identified integration.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly routing: RoutingService,
    private readonly store: EventStore,
    private readonly monitor: PushMonitor,
    private readonly outbound: PluginOutbound,
    private readonly handshakes: SubscriptionHandshakes,
    private readonly heartbeats: HeartbeatBeats,
    private readonly transitions: PushTransitions,
  ) {}

  /**
   * A push for an integration already identified (by its key at the push gate, or the admin's
   * test push), and the monitor told how it ended, whichever way that was. The records are
   * written out field by field: a spread of shared fields followed by more of them costs V8
   * about 3 µs per object, more than routing a push.
   */
  async pushFor(integration: Integration, push: Push): Promise<AcceptedPushResult> {
    const started = performance.now();
    try {
      const plugin = this.pluginOf(integration);
      const { summary, note } = await this.process(integration, plugin, push);
      const answer =
        push.answeredByPlugin && plugin.answer !== undefined
          ? plugin.answer({ body: push.body, requestId: push.requestId, events: summary.events })
          : {};
      this.monitor.record({
        requestId: push.requestId,
        pluginId: push.pluginId,
        receivedAt: push.receivedAt,
        integrationId: integration.id,
        durationMs: performance.now() - started,
        httpStatus: answer.status ?? 200,
        outcome: 'accepted',
        errorCode: null,
        errorMessage: null,
        summary,
        note,
      });
      return { summary, answer };
    } catch (error) {
      const { status, error: body } = errorResponseFor(error);
      this.monitor.record({
        requestId: push.requestId,
        pluginId: push.pluginId,
        receivedAt: push.receivedAt,
        integrationId: integration.id,
        durationMs: performance.now() - started,
        httpStatus: status,
        outcome: status >= 500 ? 'failed' : 'refused',
        errorCode: body.code,
        // The sender is told only what kind of failure it was; the admin reads why here.
        errorMessage: error instanceof ReasonedPushError ? error.reason : body.message,
        summary: null,
        note: null,
      });
      throw error;
    }
  }

  private pluginOf(integration: Integration): IntegrationPlugin {
    if (!integration.enabled) throw new IntegrationDisabledError();
    const plugin = this.plugins.find(integration.pluginId);
    if (plugin === undefined) throw new PluginUnavailableError(integration.pluginId);
    return plugin;
  }

  private async process(
    integration: Integration,
    plugin: IntegrationPlugin,
    push: Push,
  ): Promise<Processed> {
    if (push.ping) {
      const summary = await this.heartbeats.ping(integration, push.receivedAt, push.requestId);
      return { summary, note: null };
    }
    await this.verify(integration, plugin, push);
    if (push.body === undefined) throw new PayloadError('the body is empty', '$');
    const context = new PushParseContext(push.receivedAt, push.headers, integration.settings);
    const handshake = plugin.handshake?.(push.body, context);
    if (handshake !== undefined) {
      try {
        return {
          summary: nothingStored(),
          note: await this.handshakes.confirm(integration, plugin, handshake),
        };
      } catch (error) {
        if (error instanceof OutboundHostNotAllowed) {
          throw new HandshakeRefusedError(`${handshake.description}: ${error.message}`);
        }
        if (error instanceof OutboundRequestFailed) {
          throw new UpstreamUnavailableError(
            `confirming ${handshake.description}: ${error.message}`,
          );
        }
        throw error;
      }
    }
    const events = eventsOfBody(plugin, push.body, context);
    const { beats, others } = this.heartbeats.sortOut(integration, events);
    // A push of beats alone stores nothing, so it needs no route.
    const stored =
      beats > 0 && others.length === 0
        ? nothingStored()
        : await this.storeRouted(integration, push, others);
    const summary = await this.heartbeats.afterPush(integration, push, stored, beats);
    return { summary, note: context.lastNote };
  }

  private storeRouted(
    integration: Integration,
    push: Push,
    events: NormalizedEvent[],
  ): Promise<PushSummary> {
    const channels = this.routing.route(integration, events);
    const toStore: PushToStore = {
      integrationId: integration.id,
      pluginId: integration.pluginId,
      requestId: push.requestId,
      receivedAt: push.receivedAt,
      autoResolveAfterSeconds: integration.autoResolveAfterSeconds,
      events: events.map((event, index) => ({ event, channelIds: channels[index] ?? [] })),
    };
    // Issue 16, phase 1: notifications after the commit, until the storage layer writes the
    // outbox in the push's own transaction.
    return this.transitions.around(toStore, () => this.store.store(toStore));
  }

  /**
   * The plugin's verdict on the push. A certificate URL off the plugin's allowlist is a failed
   * verification (a forger names a certificate of their own); a certificate host that cannot be
   * reached is no verdict at all: 502, and the source sends the push again. The admin's test
   * push has no bytes to verify.
   */
  private async verify(
    integration: Integration,
    plugin: IntegrationPlugin,
    push: Push,
  ): Promise<void> {
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
