import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { contentTypesOf } from '@alert-hub/plugin-sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/bearer-token.js';
import { routeAccessOf } from '../http/route-access.js';
import { InvalidParameterError, UnauthorizedError } from '../common/api-error.js';
import { hasBody, mediaTypeOf } from '../http/media-type.js';
import { UnsupportedMediaTypeError } from '../http/unsupported-media-type.error.js';
import type { Integration } from '../integrations/integration.entity.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { IntegrationDisabledError } from './integration-disabled.error.js';
import { PluginMismatchError } from './plugin-mismatch.error.js';
import { PushRouteNotFoundError } from './push-route-not-found.error.js';

/** The key from `?integration_key=`, else from `Authorization: Bearer`. */
export function integrationKeyOf(request: FastifyRequest): string | undefined {
  const { integration_key: fromQuery } = (request.query ?? {}) as Record<string, unknown>;
  if (Array.isArray(fromQuery)) {
    throw new InvalidParameterError('integration_key: give the key once', [
      'integration_key must appear once',
    ]);
  }
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  return bearerToken(request.headers.authorization);
}

/**
 * Admits a push when its headers have arrived, before a byte of its body is read: the plugin in
 * the path must be enabled, the key must name an enabled integration of that plugin, and the body
 * must be of a media type the plugin reads. Anything else is refused here, so a caller without a
 * key costs a lookup of its headers, never a read and parse of its body.
 */
@Injectable()
export class PushGate implements OnModuleInit {
  /** The integration each push's key names, admitted or not: refusals are logged under it. */
  private readonly integrations = new WeakMap<FastifyRequest, Integration>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly plugins: PluginRegistry,
    private readonly integrationsService: IntegrationsService,
  ) {}

  onModuleInit(): void {
    // Absent in an application context without HTTP; hooks added before `ready` reach every route.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onRequest', async (request) => {
      if (routeAccessOf(request) === 'push') await this.admit(request);
    });
  }

  /** The integration an admitted push belongs to: only the push route's handler asks. */
  admitted(request: FastifyRequest): Integration {
    const integration = this.integrations.get(request);
    if (integration === undefined) throw new Error('the push gate did not admit this request');
    return integration;
  }

  /** The integration the request's key named, if the gate got that far. */
  integrationOf(request: FastifyRequest): Integration | undefined {
    return this.integrations.get(request);
  }

  /** Refuses the push (throws) unless its headers admit it; remembers the integration its key names. */
  async admit(request: FastifyRequest): Promise<void> {
    const { pluginId = '' } = request.params as { pluginId?: string };
    const integrationKey = integrationKeyOf(request);
    const integration =
      integrationKey === undefined
        ? null
        : await this.integrationsService.findByKey(integrationKey);
    if (integration) this.integrations.set(request, integration);
    const plugin = this.plugins.find(pluginId);
    if (plugin === undefined) throw new PushRouteNotFoundError(pluginId);
    if (integrationKey === undefined) {
      throw new UnauthorizedError(
        'an integration key is required: ?integration_key=<key> or Authorization: Bearer <key>',
      );
    }
    if (!integration) throw new UnauthorizedError('the integration key is not valid');
    if (integration.pluginId !== pluginId) {
      throw new PluginMismatchError(pluginId, integration.pluginId);
    }
    if (!integration.enabled) throw new IntegrationDisabledError();
    if (!hasBody(request.headers)) return;
    const accepted = contentTypesOf(plugin);
    const mediaType = mediaTypeOf(request.headers['content-type']);
    if (mediaType === undefined || !accepted.includes(mediaType)) {
      throw new UnsupportedMediaTypeError(mediaType, accepted);
    }
  }
}
