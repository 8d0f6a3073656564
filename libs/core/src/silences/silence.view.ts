import { ApiProperty } from '@nestjs/swagger';
import { RouteConditionDto } from '../routing/dto/route-set.dto.js';
import { SilenceScheduleDto } from './dto/silence-schedule.dto.js';
import { SilenceScopeDto } from './dto/silence-scope.dto.js';
import { scopeOf } from './silence-scope.js';
import type { Silence } from './silence.entity.js';
import {
  SILENCE_MODES,
  type SilenceMode,
  type SilenceSchedule,
  type SilenceScope,
} from './silence.js';
import type { RouteCondition } from '../routing/route-set.js';

/** A silence that matched nothing for this long is flagged `unused`. */
export const UNUSED_AFTER_MS = 7 * 86_400_000;
/** A silence that ends within this is flagged `expiresSoon`. */
export const EXPIRES_SOON_MS = 86_400_000;

export class SilenceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: () => RouteConditionDto, isArray: true })
  conditions!: RouteCondition[];

  @ApiProperty({ type: () => SilenceScopeDto })
  scope!: SilenceScope;

  @ApiProperty({ type: () => SilenceScheduleDto })
  schedule!: SilenceSchedule;

  @ApiProperty({ enum: SILENCE_MODES, enumName: 'SilenceMode' })
  mode!: SilenceMode;

  @ApiProperty({
    description:
      'Who created it: `admin token` or `console session` (the admin API has no user identities)',
  })
  createdBy!: string;

  @ApiProperty({ type: Date, nullable: true })
  expiresAt!: Date | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'When it ends for good: the earlier of expiresAt and its schedule end; null: never',
  })
  endsAt!: Date | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When it last matched an event (recorded within about a minute)',
  })
  lastMatchedAt!: Date | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Each change adds one. PUT needs it' })
  version!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  @ApiProperty({ description: 'It has not ended: it matches events whenever its schedule holds' })
  active!: boolean;

  @ApiProperty({ description: 'Active, and matched nothing for 7 days (or since it was created)' })
  unused!: boolean;

  @ApiProperty({ description: 'Active, and ends within a day' })
  expiresSoon!: boolean;
}

export function silenceView(silence: Silence, now: Date): SilenceView {
  const at = now.getTime();
  const active = silence.endsAt === null || silence.endsAt.getTime() > at;
  const lastUse = (silence.lastMatchedAt ?? silence.createdAt).getTime();
  return {
    id: silence.id,
    reason: silence.reason,
    conditions: silence.conditions,
    scope: scopeOf(silence),
    schedule: silence.schedule,
    mode: silence.mode,
    createdBy: silence.createdBy,
    expiresAt: silence.expiresAt,
    endsAt: silence.endsAt,
    lastMatchedAt: silence.lastMatchedAt,
    version: silence.version,
    createdAt: silence.createdAt,
    updatedAt: silence.updatedAt,
    active,
    unused: active && lastUse <= at - UNUSED_AFTER_MS,
    expiresSoon:
      active && silence.endsAt !== null && silence.endsAt.getTime() <= at + EXPIRES_SOON_MS,
  };
}
