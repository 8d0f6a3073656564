import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InvalidParameterError } from '../common/api-error.js';
import { EventsQueryService } from '../events/events-query.service.js';
import { IntegrationRoutesService } from '../integrations/integration-routes.service.js';
import { INVALID_ROUTES } from '../integrations/routes-errors.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { PreviewRoutesDto } from '../routing/dto/preview-routes.dto.js';
import type { ConditionSubject } from '../routing/route-condition.js';
import { EMPTY_ROUTE_SET } from '../routing/route-set.js';
import { RoutingService, type RoutePreview } from '../routing/routing.service.js';
import { IngestService } from './ingest.service.js';
import { RoutePreviewView } from './route-preview.view.js';
import { PUSH_ERRORS } from './push-errors.js';

/** An event a preview routes: one of the payload, or one stored. */
type PreviewableEvent = ConditionSubject & { alertKey: string };

@AdminApi('routes')
@Controller('api/v1/integrations')
export class RoutePreviewController {
  constructor(
    private readonly ingest: IngestService,
    private readonly routes: IntegrationRoutesService,
    private readonly routing: RoutingService,
    private readonly events: EventsQueryService,
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
    400: `${INVALID_ROUTES}; InvalidPayload: the payload is not in the plugin's format; InvalidParameter: both \`payload\` and \`eventIds\``,
    404: `${ERRORS.pluginUnavailable}; an id of \`eventIds\` that is no event of this integration`,
    413: PUSH_ERRORS[413],
  })
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewRoutesDto,
    @Req() request: FastifyRequest,
  ): Promise<{ data: RoutePreviewView }> {
    const integration = await this.routes.sharedIntegration(id);
    const candidate = dto.routes ? await this.routes.validated(dto.routes) : undefined;
    const tried = candidate ? 'candidate' : 'saved';
    let events: readonly PreviewableEvent[];
    let note: string | null;
    let refusal: RoutePreview['refusal'];
    let decisions: RoutePreview['decisions'];
    if (dto.eventIds !== undefined) {
      if (dto.payload !== undefined) {
        throw new InvalidParameterError('give a payload or eventIds, not both', [
          'payload and eventIds exclude each other',
        ]);
      }
      // Stored events are past every step before routing (the pipeline changed them before they
      // were stored): routing is all that is left to try on them.
      events = await this.events.getEventsOf(id, dto.eventIds);
      note = null;
      const routes = candidate ?? integration.routes ?? EMPTY_ROUTE_SET;
      ({ refusal, decisions } = this.routing.preview(id, routes, events));
    } else {
      const run = await this.ingest.preview(integration, dto.payload, request.id, {
        routes: candidate,
      });
      events = run.events;
      note = run.note;
      refusal = run.routing?.refusal ?? null;
      decisions = run.routing?.decisions ?? [];
    }
    return {
      data: {
        routes: tried,
        refused: refusal && {
          status: refusal.status,
          code: refusal.code,
          message: refusal.message,
        },
        events: events.map(({ alertKey, title, status, severity, labels }, index) => ({
          alertKey,
          title,
          status,
          severity,
          labels,
          ...decisions[index],
        })),
        note,
      },
    };
  }
}
