import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { validateDto } from '../common/validate-dto.js';
import type { AlertEvent } from './alert-event.entity.js';
import type { Alert } from './alert.entity.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';
import { EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';

@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly queries: EventsQueryService) {}

  /** Newest first. Filters as in DESIGN.md §7, plus `label.<name>=value`. */
  @Get()
  list(@Query() raw: Record<string, unknown>): Promise<Page<Alert>> {
    const { rest, labels } = splitLabelFilters(raw);
    return this.queries.listAlerts(validateDto(ListAlertsQuery, rest), labels);
  }

  /** The alert with its latest events, newest first. */
  @Get(':id')
  async get(
    @Param('id', ParseIntPipe) id: number,
  ): Promise<{ data: Alert & { events: AlertEvent[] } }> {
    const { alert, events } = await this.queries.getAlert(id);
    return { data: { ...alert, events } };
  }
}
