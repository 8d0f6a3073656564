import { Controller, Get, Query } from '@nestjs/common';
import { validateDto } from '../common/validate-dto.js';
import { AdminApi, ApiPage, ApiQueryWithLabelFilters } from '../openapi/api-docs.decorators.js';
import { AlertEvent } from './alert-event.entity.js';
import { ListEventsQuery } from './dto/list-events.query.js';
import { EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';

@AdminApi('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly queries: EventsQueryService) {}

  /** Newest first. Filters as in DESIGN.md §7, plus `label.<name>=value` and `unrouted`. */
  @Get()
  @ApiPage('Events, newest first', AlertEvent)
  @ApiQueryWithLabelFilters(ListEventsQuery)
  list(@Query() raw: Record<string, unknown>): Promise<Page<AlertEvent>> {
    const { rest, labels } = splitLabelFilters(raw);
    return this.queries.listEvents(validateDto(ListEventsQuery, rest), labels);
  }
}
