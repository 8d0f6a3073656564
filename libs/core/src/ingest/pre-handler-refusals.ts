import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeAccessOf } from '../http/route-access.js';
import { PushMonitor } from './push-monitor.js';
import { PushGate } from './push-gate.js';
import { unacceptedPushRecord } from './push-record.js';

/**
 * Pushes refused before the webhook handler runs, by the push gate (401, 403, 404, 409, 415) or
 * while their body is read (413, malformed JSON, a broken encoding), never reach IngestService,
 * so it cannot announce them. Fastify's `onError` hook sees exactly those: errors the handler
 * threw are answered by Nest and never get here. A push is known by its route's `@PushRoute()`
 * marker, which comes back with each request in the route's config: never by its path.
 */
@Injectable()
export class PreHandlerRefusals implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly gate: PushGate,
    private readonly monitor: PushMonitor,
  ) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP; hooks added before `ready` reach every route.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onError', (request, reply, error, done) => {
      this.announce(request, reply, error);
      done();
    });
  }

  private announce(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
    if (routeAccessOf(request) !== 'push') return;
    const { pluginId } = request.params as { pluginId?: string };
    const trace = {
      requestId: request.id,
      pluginId: pluginId ?? '',
      integrationId: this.gate.integrationOf(request)?.id ?? null,
      receivedAt: new Date(Date.now() - reply.elapsedTime),
      durationMs: reply.elapsedTime,
    };
    this.monitor.record(unacceptedPushRecord(trace, error));
  }
}
