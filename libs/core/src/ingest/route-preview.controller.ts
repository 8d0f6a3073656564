import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IntegrationRoutesService } from '../integrations/integration-routes.service.js';
import { INVALID_ROUTES } from '../integrations/routes-errors.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PreviewRoutesDto } from '../routing/dto/preview-routes.dto.js';
import { EMPTY_ROUTE_SET } from '../routing/route-set.js';
import { RoutingService } from '../routing/routing.service.js';
import { eventsOfBody } from './normalize-event.js';
import { PushParseContext } from './push-parse-context.js';
import { RoutePreviewView } from './route-preview.view.js';
import { PUSH_ERRORS } from './push-errors.js';

@AdminApi('routes')
@Controller('api/v1/integrations')
export class RoutePreviewController {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly routes: IntegrationRoutesService,
    private readonly routing: RoutingService,
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
    400: `${INVALID_ROUTES}; InvalidPayload: the payload is not in the plugin's format`,
    404: ERRORS.pluginUnavailable,
    413: PUSH_ERRORS[413],
  })
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewRoutesDto,
  ): Promise<{ data: RoutePreviewView }> {
    const integration = await this.routes.sharedIntegration(id);
    const plugin = this.plugins.pluginOf(integration);
    const candidate = dto.routes ? await this.routes.validated(dto.routes) : null;
    const payload = dto.payload ?? firstSample(plugin);
    const context = new PushParseContext(new Date(), {}, integration.settings);
    const handshake = plugin.handshake?.(payload, context);
    if (handshake !== undefined) {
      const note = `A push of this payload confirms ${handshake.description} (GET ${handshake.confirmUrl}) and stores no events`;
      return {
        data: { routes: candidate ? 'candidate' : 'saved', refused: null, events: [], note },
      };
    }
    const events = eventsOfBody(plugin, payload, context);
    const { refusal, decisions } = this.routing.preview(
      id,
      candidate ?? integration.routes ?? EMPTY_ROUTE_SET,
      events,
    );
    return {
      data: {
        routes: candidate ? 'candidate' : 'saved',
        refused: refusal && {
          status: refusal.status,
          code: refusal.code,
          message: refusal.message,
        },
        events: events.map((event, index) => ({
          alertKey: event.alertKey,
          title: event.title,
          status: event.status,
          severity: event.severity,
          labels: event.labels,
          ...decisions[index],
        })),
        note: context.lastNote,
      },
    };
  }
}
