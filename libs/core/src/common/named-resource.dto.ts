import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trimString } from './trim.transform.js';

/** The name and description every admin resource has. */
export class NamedResourceDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Trimmed', example: 'Platform team' })
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
