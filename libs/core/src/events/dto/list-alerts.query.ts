import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus } from '../alert.entity.js';
import { ListQuery } from './list-query.js';

export class ListAlertsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, enumName: 'AlertStatus' })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  /** `true`: only alerts a silence holds (`silencedBy` set); `false`: only visible ones. */
  @ApiPropertyOptional({
    description: 'true: only silenced alerts (silencedBy set); false: only visible ones',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  silenced?: boolean;
}
