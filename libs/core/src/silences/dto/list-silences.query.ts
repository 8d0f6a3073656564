import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { SilenceState } from '../silences.service.js';

const STATES: SilenceState[] = ['active', 'ended'];

export class ListSilencesQuery {
  @ApiPropertyOptional({
    enum: STATES,
    description: 'active: not ended (whether its schedule holds now or not); ended',
  })
  @IsOptional()
  @IsIn(STATES)
  state?: SilenceState;
}
