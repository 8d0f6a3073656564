import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { IntegrationPlugin, SubscriptionHandshake } from '@alert-hub/plugin-sdk';
import { boundedKey, truncate } from '../events/event-limits.js';
import type { Integration } from '../integrations/integration.entity.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { PluginOutbound } from '../outbound/plugin-outbound.js';
import { SubscriptionConfirmations } from './subscription-confirmations.js';

const MESSAGE_ID_LENGTH = 255;
const DESCRIPTION_LENGTH = 1000;

/**
 * Performs the subscription handshakes plugins ask for, once per (integration, message id): the
 * URL is fetched through the outbound client (the plugin's allowlist only), and the confirmation
 * is remembered after the host answered 2xx. A repeat of a confirmed message fetches nothing.
 * A failure is not remembered: the source sends the message again and it is tried again.
 */
@Injectable()
export class SubscriptionHandshakes implements OnModuleInit {
  /** Handshakes under way in this process: a retry arriving meanwhile waits for the same one. */
  private readonly underWay = new Map<string, Promise<string>>();

  constructor(
    private readonly outbound: PluginOutbound,
    private readonly confirmations: SubscriptionConfirmations,
    private readonly integrations: IntegrationsService,
  ) {}

  onModuleInit(): void {
    // What a deleted integration confirmed is of no use to another: its messages name it.
    this.integrations.whenDeleted((integrationId) => this.confirmations.forget(integrationId));
  }

  /**
   * Confirms the handshake, or finds it confirmed; resolves with the push log's note. Rejects
   * with the outbound client's `OutboundHostNotAllowed` or `OutboundRequestFailed`.
   */
  confirm(
    integration: Integration,
    plugin: IntegrationPlugin,
    handshake: SubscriptionHandshake,
  ): Promise<string> {
    const messageId = boundedKey(handshake.messageId, MESSAGE_ID_LENGTH);
    const key = `${integration.id}\n${messageId}`;
    const pending = this.underWay.get(key);
    if (pending !== undefined) return pending;
    const confirming = this.confirmOnce(integration, plugin, handshake, messageId).finally(() =>
      this.underWay.delete(key),
    );
    this.underWay.set(key, confirming);
    return confirming;
  }

  private async confirmOnce(
    integration: Integration,
    plugin: IntegrationPlugin,
    handshake: SubscriptionHandshake,
    messageId: string,
  ): Promise<string> {
    const known = await this.confirmations.find(integration.id, messageId);
    if (known !== null) {
      return (
        `${known.description}: already confirmed at ${known.confirmedAt.toISOString()} ` +
        `(message ${handshake.messageId}); not fetched again`
      );
    }
    const { host, status } = await this.outbound.confirm(plugin, handshake.confirmUrl);
    const description = truncate(handshake.description, DESCRIPTION_LENGTH);
    await this.confirmations.remember({
      integrationId: integration.id,
      messageId,
      description,
      confirmHost: host,
      httpStatus: status,
      confirmedAt: new Date(),
    });
    return `Confirmed ${description}: GET ${host} answered ${status}`;
  }
}
