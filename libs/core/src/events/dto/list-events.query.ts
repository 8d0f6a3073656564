import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { EventStatus } from '@alert-hub/plugin-sdk';
import { ListQuery } from './list-query.js';

export class ListEventsQuery extends ListQuery {
  @IsOptional()
  @IsIn(['firing', 'resolved'])
  status?: EventStatus;

  /** `true`: only events no channel received; `false`: only routed ones. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  unrouted?: boolean;
}
