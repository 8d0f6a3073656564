import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { integerFromText } from '../../common/integer.transform.js';
import type { PushOutcome } from '../../ingest/push-record.js';
import { PUSH_LOG_KEPT } from '../push-log.writer.js';

export class ListPushesQuery {
  @IsOptional()
  @IsIn(['accepted', 'refused', 'failed'])
  outcome?: PushOutcome;

  @IsOptional()
  @Transform(integerFromText)
  @IsInt()
  @Min(1)
  @Max(PUSH_LOG_KEPT)
  limit: number = 100;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;
}
