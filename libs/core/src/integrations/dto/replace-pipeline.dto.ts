import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { PipelineDto } from '../../pipeline/dto/pipeline-step.dto.js';

export class ReplacePipelineDto extends PipelineDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description:
      'The version last read: if the pipeline changed since, the change is refused (409)',
  })
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;
}
