import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { RouteSetDto } from '../../routing/dto/route-set.dto.js';

export class ReplaceRoutesDto extends RouteSetDto {
  /** The version this change was made from: a newer one stored meanwhile makes it a 409. */
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description: 'The version last read: if the routes changed since, the change is refused (409)',
  })
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;
}
