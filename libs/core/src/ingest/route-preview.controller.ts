import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { EventStatus, Severity } from '@alert-hub/plugin-sdk';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { PreviewRoutesDto } from '../routing/dto/preview-routes.dto.js';
import type { RouteDecision } from '../routing/route-decision.js';
import { EMPTY_ROUTE_SET } from '../routing/route-set.js';
import { RoutesService } from '../routing/routes.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { eventsOfBody } from './normalize-event.js';

export interface PreviewedEvent extends RouteDecision {
  alertKey: string;
  title: string;
  status: EventStatus;
  severity: Severity;
  labels: Record<string, string>;
}

export interface RoutePreviewView {
  /** Whose rules were tried: those in the request, or the integration's saved ones. */
  routes: 'candidate' | 'saved';
  /** Set when the push would be refused as a whole (422 NoRoute): nothing would be stored. */
  refused: { status: number; code: string; message: string } | null;
  events: PreviewedEvent[];
}

@Controller('api/v1/integrations')
export class RoutePreviewController {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly routes: RoutesService,
    private readonly routing: RoutingService,
  ) {}

  /**
   * Parses a payload (the plugin's first sample when none is given) as a push would, and says
   * per event which rules match and which channels it would reach. Stores nothing.
   */
  @Post(':id/routes/preview')
  @HttpCode(200)
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewRoutesDto,
  ): Promise<{ data: RoutePreviewView }> {
    const integration = await this.routes.sharedIntegration(id);
    if (!this.plugins.has(integration.pluginId))
      throw new PluginUnavailableError(integration.pluginId);
    const plugin = this.plugins.get(integration.pluginId);
    const candidate = dto.routes ? await this.routes.validated(dto.routes) : null;
    const events = eventsOfBody(plugin, dto.payload ?? firstSample(plugin), {
      receivedAt: new Date(),
      headers: {},
    });
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
      },
    };
  }
}
