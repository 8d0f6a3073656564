import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { EventStatus } from '@alert-hub/plugin-sdk';
import { EVENT_STATUSES } from '../alert-event.entity.js';
import { ListQuery } from './list-query.js';

export class ListEventsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  /** `true`: only events no channel received; `false`: only routed ones. */
  @ApiPropertyOptional({ description: 'true: only events no channel received; false: only routed' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  unrouted?: boolean;
}
