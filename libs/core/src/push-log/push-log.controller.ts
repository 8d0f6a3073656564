import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Page } from '../events/events-query.service.js';
import { AdminApi, ApiErrors, ApiPage, ERRORS } from '../openapi/api-docs.decorators.js';
import { ListPushesQuery } from './dto/list-pushes.query.js';
import { PushLogService } from './push-log.service.js';
import { PUSH_LOG_KEPT } from './push-log.writer.js';
import { PushLogView } from './push-log.view.js';

@AdminApi('pushes')
@Controller('api/v1/integrations')
export class PushLogController {
  constructor(private readonly pushLog: PushLogService) {}

  @Get(':id/pushes')
  @ApiPage(
    `The integration's latest pushes (${PUSH_LOG_KEPT} are kept), newest first: accepted, refused and failed alike`,
    PushLogView,
  )
  @ApiErrors({ 404: ERRORS.notFound })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListPushesQuery,
  ): Promise<Page<PushLogView>> {
    return this.pushLog.list(id, query);
  }
}
