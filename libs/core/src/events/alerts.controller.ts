import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { validateDto } from '../common/validate-dto.js';
import type { AlertEvent } from './alert-event.entity.js';
import { alertView, type AlertView } from './alert.view.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';
import { EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';

@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly queries: EventsQueryService) {}

  /** Newest first. Filters as in DESIGN.md §7, plus `label.<name>=value`. */
  @Get()
  async list(@Query() raw: Record<string, unknown>): Promise<Page<AlertView>> {
    const { rest, labels } = splitLabelFilters(raw);
    const page = await this.queries.listAlerts(validateDto(ListAlertsQuery, rest), labels);
    return { ...page, data: page.data.map(alertView) };
  }

  /** The alert with its latest events, newest first. */
  @Get(':id')
  async get(
    @Param('id', ParseIntPipe) id: number,
  ): Promise<{ data: AlertView & { events: AlertEvent[] } }> {
    const { alert, events } = await this.queries.getAlert(id);
    return { data: { ...alertView(alert), events } };
  }
}
