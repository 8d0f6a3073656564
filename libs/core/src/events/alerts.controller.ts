import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import { validateDto } from '../common/validate-dto.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  ApiPage,
  ApiQueryWithLabelFilters,
  BY_ID_ERRORS,
} from '../openapi/api-docs.decorators.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';
import { alertView, type AlertView } from './alert.view.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';
import { EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';

/** An alert with its latest events. */
const ALERT_WITH_EVENTS = {
  allOf: [
    { $ref: getSchemaPath(Alert) },
    {
      type: 'object',
      required: ['events'],
      properties: { events: { type: 'array', items: { $ref: getSchemaPath(AlertEvent) } } },
    },
  ],
};

@AdminApi('alerts')
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly queries: EventsQueryService) {}

  /** Newest first. Filters as in DESIGN.md §7, plus `label.<name>=value`. */
  @Get()
  @ApiPage('Alerts, newest first', Alert)
  @ApiQueryWithLabelFilters(ListAlertsQuery)
  async list(@Query() raw: Record<string, unknown>): Promise<Page<AlertView>> {
    const { rest, labels } = splitLabelFilters(raw);
    const page = await this.queries.listAlerts(validateDto(ListAlertsQuery, rest), labels);
    return { ...page, data: page.data.map(alertView) };
  }

  /** The alert with its latest events, newest first. */
  @Get(':id')
  @ApiData('The alert with its latest 100 events, newest first', ALERT_WITH_EVENTS, {
    models: [Alert, AlertEvent],
  })
  @ApiErrors(BY_ID_ERRORS)
  async get(
    @Param('id', ParseIntPipe) id: number,
  ): Promise<{ data: AlertView & { events: AlertEvent[] } }> {
    const { alert, events } = await this.queries.getAlert(id);
    return { data: { ...alertView(alert), events } };
  }
}
