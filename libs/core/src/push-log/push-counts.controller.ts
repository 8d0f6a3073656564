import { Controller, Get, Query } from '@nestjs/common';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { CountPushesQuery } from './dto/count-pushes.query.js';
import { IntegrationPushCounts } from './push-counts.view.js';
import { PushLogService } from './push-log.service.js';
import { PUSH_LOG_KEPT } from './push-log.writer.js';

@AdminApi('pushes')
@Controller('api/v1/push-log')
export class PushCountsController {
  constructor(private readonly pushLog: PushLogService) {}

  @Get('counts')
  @ApiData(
    `Per integration, its pushes since the time by outcome, of the latest ${PUSH_LOG_KEPT} it ` +
      'keeps; an integration without any is left out',
    [IntegrationPushCounts],
  )
  @ApiErrors({ 400: ERRORS.invalid })
  counts(@Query() query: CountPushesQuery): Promise<{ data: IntegrationPushCounts[] }> {
    return this.pushLog.count(query).then((data) => ({ data }));
  }
}
