import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { TRANSITIONS, type Transition } from '../alert-transition.js';

export class PreviewNotificationDto {
  @ApiProperty({ type: 'integer', description: 'A stored alert of the channel' })
  @IsInt()
  @Min(1)
  @Max(INTEGER_COLUMN_MAX)
  alertId!: number;

  @ApiPropertyOptional({
    enum: TRANSITIONS,
    enumName: 'AlertTransition',
    description: 'Default: alert.resolved for a resolved alert, else alert.triggered',
  })
  @IsOptional()
  @IsIn(TRANSITIONS)
  transition?: Transition;
}
