import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { integerFromText } from '../../common/integer.transform.js';
import { timeFromText } from '../../common/time.transform.js';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from '../delivery-attempt.entity.js';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_OUTCOMES, enumName: 'DeliveryOutcome' })
  @IsOptional()
  @IsIn(DELIVERY_OUTCOMES)
  outcome?: DeliveryOutcome;

  @ApiPropertyOptional({ description: 'Only attempts made from this time on (ISO 8601)' })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'since must be an ISO 8601 time' })
  since?: Date;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(integerFromText)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
}
