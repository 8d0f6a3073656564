import { IsInt, Min } from 'class-validator';
import { RouteSetDto } from './route-set.dto.js';

export class ReplaceRoutesDto extends RouteSetDto {
  /** The version this change was made from: a newer one stored meanwhile makes it a 409. */
  @IsInt()
  @Min(0)
  version!: number;
}
