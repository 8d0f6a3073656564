import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { timeFromText } from '../../common/time.transform.js';
import { trimString } from '../../common/trim.transform.js';
import { SILENCE_MODES, type SilenceMode } from '../silence.js';
import { SilenceRuleDto } from './silence-rule.dto.js';

export class CreateSilenceDto extends SilenceRuleDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why; required. Trimmed' })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    enum: SILENCE_MODES,
    enumName: 'SilenceMode',
    default: 'mark',
    description:
      'mark: events are stored and fold into their alerts, flagged silenced; drop: events are ' +
      'not stored, and the push log names the silence',
  })
  @IsOptional()
  @IsIn(SILENCE_MODES)
  mode?: SilenceMode;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'It matches nothing from then on; absent or null: until its schedule ends',
  })
  @IsOptional()
  @Transform(timeFromText)
  @IsDate({ message: 'expiresAt must be an ISO 8601 time' })
  expiresAt?: Date | null;
}

export class ReplaceSilenceDto extends CreateSilenceDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: INTEGER_COLUMN_MAX,
    description: 'The version last read: if the silence changed since, the change is refused (409)',
  })
  @IsInt()
  @Min(1)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;
}
