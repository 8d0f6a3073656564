import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { InvalidParameterError } from '../common/api-error.js';
import { EventsQueryService } from '../events/events-query.service.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { PreviewRoutesDto } from '../routing/dto/preview-routes.dto.js';
import type { RoutableEvent } from '../routing/route-condition.js';
import { EMPTY_ROUTE_SET } from '../routing/route-set.js';
import { INVALID_ROUTES } from '../routing/routes.controller.js';
import { RoutesService } from '../routing/routes.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { eventsOfBody } from './normalize-event.js';
import { PushParseContext } from './push-parse-context.js';
import { RoutePreviewView } from './route-preview.view.js';
import { PUSH_ERRORS } from './webhook.controller.js';

/** An event a preview routes: one of the payload, or one stored. */
type PreviewableEvent = RoutableEvent & { alertKey: string };

@AdminApi('routes')
@Controller('api/v1/integrations')
export class RoutePreviewController {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly routes: RoutesService,
    private readonly routing: RoutingService,
    private readonly events: EventsQueryService,
  ) {}

  /**
   * Parses a payload (the plugin's first sample when none is given) as a push would, and says
   * per event which rules match and which channels it would reach. Stores nothing.
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
  ): Promise<{ data: RoutePreviewView }> {
    const integration = await this.routes.sharedIntegration(id);
    if (!this.plugins.has(integration.pluginId))
      throw new PluginUnavailableError(integration.pluginId);
    const plugin = this.plugins.get(integration.pluginId);
    const candidate = dto.routes ? await this.routes.validated(dto.routes) : null;
    const tried = candidate ? 'candidate' : 'saved';
    let events: readonly PreviewableEvent[];
    let note: string | null = null;
    if (dto.eventIds !== undefined) {
      if (dto.payload !== undefined) {
        throw new InvalidParameterError('give a payload or eventIds, not both', [
          'payload and eventIds exclude each other',
        ]);
      }
      events = await this.events.getEventsOf(id, dto.eventIds);
    } else {
      const payload = dto.payload ?? firstSample(plugin);
      const context = new PushParseContext(new Date(), {}, integration.settings);
      const handshake = plugin.handshake?.(payload, context);
      if (handshake !== undefined) {
        note = `A push of this payload confirms ${handshake.description} (GET ${handshake.confirmUrl}) and stores no events`;
        return { data: { routes: tried, refused: null, events: [], note } };
      }
      events = eventsOfBody(plugin, payload, context);
      note = context.lastNote;
    }
    const routes = candidate ?? integration.routes ?? EMPTY_ROUTE_SET;
    const { refusal, decisions } = this.routing.preview(id, routes, events);
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
