import { ApiProperty } from '@nestjs/swagger';
import { UUID_LIST } from '../openapi/api-docs.decorators.js';
import { RouteRuleDto, RouteSetDto } from '../routing/dto/route-set.dto.js';

// The views reuse the request's schemas, whose optional fields an answer always has: a property
// decorated again here keeps its inherited schema and changes only what the options say.

/** A rule as saved: unlike in a request, `continue` is always there. */
export class RouteRuleView extends RouteRuleDto {
  @ApiProperty({ required: true })
  declare continue: boolean;
}

/** The routes of a shared integration as the API shows them. */
export class RoutesView extends RouteSetDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: '0 until the routes are first set; each change adds one. PUT needs it',
  })
  version!: number;

  @ApiProperty({ type: () => RouteRuleView, isArray: true })
  declare rules: RouteRuleView[];

  @ApiProperty({ ...UUID_LIST, required: true })
  declare defaultChannelIds: string[];
}
