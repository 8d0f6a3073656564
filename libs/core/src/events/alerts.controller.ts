import { Controller, Get, Param, Query } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import { RowIdPipe } from '../common/row-id.pipe.js';
import { validateDto } from '../common/validate-dto.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  ApiPage,
  ApiQueryWithLabelFilters,
  BY_ID_ERRORS,
  ERRORS,
} from '../openapi/api-docs.decorators.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';
import { alertView, type AlertView } from './alert.view.js';
import { AlertCounts } from './alert-counts.view.js';
import { CountAlertsQuery } from './dto/count-alerts.query.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';
import { ALERT_EVENTS_SHOWN, EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';
import { LIST_PAGE_BYTES } from './page-bytes.js';

/** An alert with its latest events, without their raw JSON. */
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
  @ApiPage(
    `Alerts, newest first; a page ends at \`limit\` alerts or about ${LIST_PAGE_BYTES} bytes`,
    Alert,
  )
  @ApiQueryWithLabelFilters(ListAlertsQuery)
  async list(@Query() raw: Record<string, unknown>): Promise<Page<AlertView>> {
    const { rest, labels } = splitLabelFilters(raw);
    const page = await this.queries.listAlerts(validateDto(ListAlertsQuery, rest), labels);
    return { ...page, data: page.data.map(alertView) };
  }

  @Get('counts')
  @ApiData('How many alerts match the filters of the list, by severity and by channel', AlertCounts)
  @ApiErrors({ 400: ERRORS.invalid })
  @ApiQueryWithLabelFilters(CountAlertsQuery)
  async counts(@Query() raw: Record<string, unknown>): Promise<{ data: AlertCounts }> {
    const { rest, labels } = splitLabelFilters(raw);
    return { data: await this.queries.countAlerts(validateDto(CountAlertsQuery, rest), labels) };
  }

  /** The alert with its latest events, newest first. */
  @Get(':id')
  @ApiData(
    `The alert with its latest events, newest first: up to ${ALERT_EVENTS_SHOWN}, and about ` +
      `${LIST_PAGE_BYTES} bytes of them; GET /events?channelId=&alertKey= lists them all`,
    ALERT_WITH_EVENTS,
    { models: [Alert, AlertEvent] },
  )
  @ApiErrors(BY_ID_ERRORS)
  async get(
    @Param('id', RowIdPipe) id: number,
  ): Promise<{ data: AlertView & { events: AlertEvent[] } }> {
    const { alert, events } = await this.queries.getAlert(id);
    return { data: { ...alertView(alert), events } };
  }
}
