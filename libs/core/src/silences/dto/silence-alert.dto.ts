import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import { SILENCE_MODES, type SilenceMode } from '../silence.js';

/** A year of minutes. */
export const MAX_SILENCE_MINUTES = 525_600;

export class SilenceAlertDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why; required. Trimmed' })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SILENCE_MINUTES,
    description: 'From now on, for this many minutes',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SILENCE_MINUTES)
  durationMinutes!: number;

  @ApiPropertyOptional({ enum: SILENCE_MODES, enumName: 'SilenceMode', default: 'mark' })
  @IsOptional()
  @IsIn(SILENCE_MODES)
  mode?: SilenceMode;
}
