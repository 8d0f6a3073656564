import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus } from '../alert.entity.js';
import { ListQuery } from './list-query.js';

export class ListAlertsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, enumName: 'AlertStatus' })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;
}
