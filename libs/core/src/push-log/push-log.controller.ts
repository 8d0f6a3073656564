import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Page } from '../events/events-query.service.js';
import { ListPushesQuery } from './dto/list-pushes.query.js';
import { PushLogService, type PushLogView } from './push-log.service.js';

@Controller('api/v1/integrations')
export class PushLogController {
  constructor(private readonly pushLog: PushLogService) {}

  /** The integration's latest pushes, newest first: accepted, refused and failed alike. */
  @Get(':id/pushes')
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListPushesQuery,
  ): Promise<Page<PushLogView>> {
    return this.pushLog.list(id, query);
  }
}
