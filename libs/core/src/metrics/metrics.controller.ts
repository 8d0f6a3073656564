import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import { bearerToken } from '../auth/bearer-token.js';
import { Public } from '../auth/public.decorator.js';
import { secretEquals } from '../auth/secret-equals.js';
import { UnauthorizedError } from '../common/api-error.js';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { ApiErrors, ApiNoAuth, METRICS_TOKEN_SCHEME } from '../openapi/api-docs.decorators.js';

/**
 * Prometheus scrapes here. Open by default, like most exporters, for a network Prometheus
 * shares with the hub; with METRICS_TOKEN set it wants that token as a bearer.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: Registry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Metrics in the Prometheus text format (docs/prometheus/)' })
  @ApiNoAuth()
  @ApiSecurity(METRICS_TOKEN_SCHEME)
  @ApiOkResponse({
    description: 'The metrics',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 401: 'Unauthorized: METRICS_TOKEN is set and was not given' })
  async scrape(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { metricsToken } = this.options;
    if (metricsToken !== undefined) {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined || !secretEquals(token, metricsToken)) {
        throw new UnauthorizedError(
          'a valid metrics token is required (Authorization: Bearer <token>)',
        );
      }
    }
    const metrics = await this.registry.metrics();
    // Set here rather than with @Header: an error answer must stay JSON.
    void reply.type(Registry.PROMETHEUS_CONTENT_TYPE);
    return metrics;
  }
}
