import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { PreviewRoutesDto } from '../routing/dto/preview-routes.dto.js';
import { INVALID_ROUTES } from '../routing/routes.controller.js';
import { RoutesService } from '../routing/routes.service.js';
import { IngestService } from './ingest.service.js';
import { RoutePreviewView } from './route-preview.view.js';
import { PUSH_ERRORS } from './webhook.controller.js';

@AdminApi('routes')
@Controller('api/v1/integrations')
export class RoutePreviewController {
  constructor(
    private readonly ingest: IngestService,
    private readonly routes: RoutesService,
  ) {}

  /**
   * Runs a payload (the plugin's first sample when none is given) through the ingest flow as a
   * push would, and says per event which rules match and which channels it would reach. Stores
   * nothing.
   */
  @Post(':id/routes/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Try routing rules on a payload without storing anything',
    description:
      'A push that would be refused (422 NoRoute) still answers 200 here, and says so in `refused`.',
  })
  @ApiData(
    'Per event of the payload: the rules it matches and the channels it would reach',
    RoutePreviewView,
  )
  @ApiErrors({
    400: `${INVALID_ROUTES}; InvalidPayload: the payload is not in the plugin's format`,
    404: ERRORS.pluginUnavailable,
    413: PUSH_ERRORS[413],
  })
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewRoutesDto,
    @Req() request: FastifyRequest,
  ): Promise<{ data: RoutePreviewView }> {
    const integration = await this.routes.sharedIntegration(id);
    const candidate = dto.routes ? await this.routes.validated(dto.routes) : undefined;
    const run = await this.ingest.preview(integration, dto.payload, request.id, {
      routes: candidate,
    });
    const refusal = run.routing?.refusal ?? null;
    const decisions = run.routing?.decisions ?? [];
    return {
      data: {
        routes: candidate ? 'candidate' : 'saved',
        refused: refusal && {
          status: refusal.status,
          code: refusal.code,
          message: refusal.message,
        },
        events: run.events.map((event, index) => ({
          alertKey: event.alertKey,
          title: event.title,
          status: event.status,
          severity: event.severity,
          labels: event.labels,
          ...decisions[index],
        })),
        note: run.note,
      },
    };
  }
}
