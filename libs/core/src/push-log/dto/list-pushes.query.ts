import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { integerFromText } from '../../common/integer.transform.js';
import { PUSH_OUTCOMES, type PushOutcome } from '../../ingest/push-record.js';
import { PUSH_LOG_KEPT } from '../push-log.writer.js';

export class ListPushesQuery {
  @ApiPropertyOptional({ enum: PUSH_OUTCOMES, enumName: 'PushOutcome' })
  @IsOptional()
  @IsIn(PUSH_OUTCOMES)
  outcome?: PushOutcome;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PUSH_LOG_KEPT, default: 100 })
  @IsOptional()
  @Transform(integerFromText)
  @IsInt()
  @Min(1)
  @Max(PUSH_LOG_KEPT)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
}
