import { IsIn, IsOptional } from 'class-validator';
import type { AlertStatus } from '../alert.entity.js';
import { ListQuery } from './list-query.js';

export class ListAlertsQuery extends ListQuery {
  @IsOptional()
  @IsIn(['active', 'resolved'])
  status?: AlertStatus;
}
