import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { INTEGER_COLUMN_MAX } from '../../common/integer-column.js';
import { CreateSubscriptionDto } from './create-subscription.dto.js';

/** Changes some fields; `version` must be the one last read. The kind never changes. */
export class UpdateSubscriptionDto extends PartialType(
  OmitType(CreateSubscriptionDto, ['kind', 'secret'] as const),
) {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: INTEGER_COLUMN_MAX,
    description:
      'The version last read: if the subscription changed since, the change is refused (409)',
  })
  @IsInt()
  @Min(0)
  @Max(INTEGER_COLUMN_MAX)
  version!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 500,
    description:
      'A new secret; null removes it (not for webhook, which needs one); absent keeps it',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @Length(1, 500)
  secret?: string | null;
}
