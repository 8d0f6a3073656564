import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trimString } from '../../common/trim.transform.js';

export class CreateChannelDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    description: 'Unique; trimmed',
    example: 'Platform team',
  })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}
