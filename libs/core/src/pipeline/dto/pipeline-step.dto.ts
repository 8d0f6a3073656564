import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { trimString } from '../../common/trim.transform.js';
import { PIPELINE_STEP_KINDS, type PipelineStepKind } from '../../events/applied-step.js';
import { RouteConditionDto } from '../../routing/dto/route-set.dto.js';
import { PIPELINE_LIMITS } from '../pipeline.js';
import type { PipelineInput, PipelineStepInput } from '../pipeline-validation.js';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** Which parts a kind takes is checked by `parsePipeline`, with clearer messages. */
export class PipelineStepDto implements PipelineStepInput {
  @ApiProperty({
    enum: PIPELINE_STEP_KINDS,
    enumName: 'PipelineStepKind',
    description:
      'set_labels takes `labels`; rename_labels `renames`; delete_labels `names`; extract ' +
      '`field` and `pattern`; map `table` and `field`; severity `set` or `remap` (and `field`); ' +
      'title and description `template`; drop `reason`',
  })
  @IsIn(PIPELINE_STEP_KINDS)
  kind!: PipelineStepKind;

  @ApiPropertyOptional({ maxLength: 100, description: 'For people, and the trace events keep' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({
    type: () => RouteConditionDto,
    isArray: true,
    maxItems: PIPELINE_LIMITS.conditionsPerStep,
    description: 'All must hold for the step to run, in the grammar of routing conditions',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PIPELINE_LIMITS.conditionsPerStep)
  @ValidateNested({ each: true })
  @Type(() => RouteConditionDto)
  conditions?: RouteConditionDto[];

  @ApiPropertyOptional({
    default: false,
    description: 'Skip resolutions: title, description and drop only',
  })
  @IsOptional()
  @IsBoolean()
  firingOnly?: boolean;

  @ApiPropertyOptional({
    ...STRING_MAP,
    description: 'set_labels: label name → template over the event, e.g. `{{ $.labels.host }}`',
    example: { team: 'db', summary: '{{ $.title }} on {{ $.labels.host | "?" }}' },
  })
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @ApiPropertyOptional({
    ...STRING_MAP,
    description: 'rename_labels: old name → new name; `prefix_*` → `other_*` renames by prefix',
    example: { _aliyun_arms_region_id: 'region', '_aliyun_arms_*': 'arms_*' },
  })
  @IsOptional()
  @IsObject()
  renames?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], maxItems: PIPELINE_LIMITS.labelsPerStep })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PIPELINE_LIMITS.labelsPerStep)
  @IsString({ each: true })
  names?: string[];

  @ApiPropertyOptional({
    description:
      "extract and map: the field read; severity: the word remapped (default: the source's)",
    example: 'labels.cluster_id',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  field?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'extract: an RE2 pattern whose named groups become labels',
    example: '^(?P<service>[a-z-]+)\\.(?P<env>prod|staging)\\.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  pattern?: string;

  @ApiPropertyOptional({ description: "map: the name of one of the integration's map tables" })
  @IsOptional()
  @IsString()
  @MaxLength(PIPELINE_LIMITS.tableNameLength)
  table?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity' })
  @IsOptional()
  @IsIn(SEVERITIES)
  set?: Severity;

  @ApiPropertyOptional({
    ...STRING_MAP,
    description: 'severity: source word (any case) → Critical, Warning or Info',
    example: { P0: 'Critical', 紧急: 'Critical', 提示: 'Info' },
  })
  @IsOptional()
  @IsObject()
  remap?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: PIPELINE_LIMITS.templateLength })
  @IsOptional()
  @IsString()
  @MaxLength(PIPELINE_LIMITS.templateLength)
  template?: string;

  @ApiPropertyOptional({
    maxLength: PIPELINE_LIMITS.reasonLength,
    description: 'drop: why, as the push log and metrics count it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PIPELINE_LIMITS.reasonLength)
  reason?: string;
}

export class PipelineDto implements PipelineInput {
  @ApiProperty({
    type: () => PipelineStepDto,
    isArray: true,
    maxItems: PIPELINE_LIMITS.steps,
    description: 'Run in order on every event, before routing',
  })
  @IsArray()
  @ArrayMaxSize(PIPELINE_LIMITS.steps)
  @ValidateNested({ each: true })
  @Type(() => PipelineStepDto)
  steps!: PipelineStepDto[];
}
