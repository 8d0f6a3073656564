import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseFor } from '../common/error-response.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { PushMonitor } from './push-monitor.js';
import { integrationKeyOf } from './webhook.controller.js';

/** The webhook route as WebhookController declares it. */
const WEBHOOK_ROUTE = '/webhooks/:pluginId';

/**
 * Pushes Fastify refuses while reading them (413 too large, 415 not JSON, malformed JSON) never
 * reach the webhook handler, so IngestService cannot announce them. Fastify's `onError` hook
 * sees exactly those: errors the handler threw are answered by Nest and never get here.
 */
@Injectable()
export class PreHandlerRefusals implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly integrations: IntegrationsService,
    private readonly monitor: PushMonitor,
  ) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP; hooks added before `ready` reach every route.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onError', (request, reply, error) => this.announce(request, reply, error));
  }

  private async announce(
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
  ): Promise<void> {
    if (request.method !== 'POST' || request.routeOptions.url !== WEBHOOK_ROUTE) return;
    const { status, error: body } = errorResponseFor(error);
    const { pluginId } = request.params as { pluginId?: string };
    this.monitor.record({
      requestId: request.id,
      pluginId: pluginId ?? '',
      integrationId: await this.integrationIdOf(request),
      receivedAt: new Date(Date.now() - reply.elapsedTime),
      durationMs: reply.elapsedTime,
      httpStatus: status,
      outcome: status >= 500 ? 'failed' : 'refused',
      errorCode: body.code,
      errorMessage: body.message,
      summary: null,
    });
  }

  /** The integration the push's key names, if any; a failed lookup must not change the answer. */
  private async integrationIdOf(request: FastifyRequest): Promise<string | null> {
    try {
      const integrationKey = integrationKeyOf(request);
      if (integrationKey === undefined) return null;
      const integration = await this.integrations.findByKey(integrationKey);
      return integration?.id ?? null;
    } catch {
      return null;
    }
  }
}
