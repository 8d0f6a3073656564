import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { RouteConditionDto } from '../../routing/dto/route-set.dto.js';
import { SilenceScheduleDto } from './silence-schedule.dto.js';
import { SilenceScopeDto } from './silence-scope.dto.js';

export const SILENCE_LIMITS = { conditions: 50 } as const;

/** What a silence matches and when: all a preview needs. */
export class SilenceRuleDto {
  @ApiProperty({
    type: () => RouteConditionDto,
    isArray: true,
    maxItems: SILENCE_LIMITS.conditions,
    description:
      'In the routing grammar; all must hold; none: every event of the scope. Resolutions are ' +
      'never silenced',
  })
  @IsArray()
  @ArrayMaxSize(SILENCE_LIMITS.conditions)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  conditions!: RouteConditionDto[];

  @ApiProperty({ type: () => SilenceScopeDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SilenceScopeDto)
  scope!: SilenceScopeDto;

  @ApiProperty({
    type: () => SilenceScheduleDto,
    description: "Evaluated at the time Alert Hub received each event, in the server's clock",
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => SilenceScheduleDto)
  schedule!: SilenceScheduleDto;
}
