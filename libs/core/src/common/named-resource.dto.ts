import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trimString } from './trim.transform.js';

/** The name and description every admin resource has. */
export class NamedResourceDto {
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}
