import { Controller, Get, Param, Query } from '@nestjs/common';
import { RowIdPipe } from '../common/row-id.pipe.js';
import { validateDto } from '../common/validate-dto.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  ApiPage,
  ApiQueryWithLabelFilters,
  BY_ID_ERRORS,
} from '../openapi/api-docs.decorators.js';
import { AlertEventDetail } from './alert-event-detail.view.js';
import { AlertEvent } from './alert-event.entity.js';
import { ListEventsQuery } from './dto/list-events.query.js';
import { EventsQueryService, type Page } from './events-query.service.js';
import { splitLabelFilters } from './label-filters.js';
import { LIST_PAGE_BYTES } from './page-bytes.js';

@AdminApi('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly queries: EventsQueryService) {}

  /** Newest first. Filters as in DESIGN.md §7, plus `label.<name>=value` and `unrouted`. */
  @Get()
  @ApiPage(
    `Events, newest first, without their raw JSON (GET /events/{id} has it); a page ends at ` +
      `\`limit\` events or about ${LIST_PAGE_BYTES} bytes`,
    AlertEvent,
  )
  @ApiQueryWithLabelFilters(ListEventsQuery)
  list(@Query() raw: Record<string, unknown>): Promise<Page<AlertEvent>> {
    const { rest, labels } = splitLabelFilters(raw);
    return this.queries.listEvents(validateDto(ListEventsQuery, rest), labels);
  }

  @Get(':id')
  @ApiData('The event with its part of the payload as received', AlertEventDetail)
  @ApiErrors(BY_ID_ERRORS)
  async get(@Param('id', RowIdPipe) id: number): Promise<{ data: AlertEventDetail }> {
    return { data: await this.queries.getEvent(id) };
  }
}
