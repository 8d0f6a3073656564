import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { ReplaceRoutesDto } from './dto/replace-routes.dto.js';
import { RoutesService } from './routes.service.js';
import { RoutesView } from './routes.view.js';

/** Errors of every route that reads or changes the routes of an integration. */
export const ROUTES_ERRORS = {
  400: `${ERRORS.invalid}; also a private integration: routes apply to shared ones`,
  404: ERRORS.notFound,
};

/** 400 as ROUTES_ERRORS, and rules the checks refuse. */
export const INVALID_ROUTES =
  `${ROUTES_ERRORS[400]}; rules with an unknown field or operator, a value the operator does ` +
  'not take, a pattern that does not compile, or an unknown channel';

@AdminApi('routes')
@Controller('api/v1/integrations')
export class RoutesController {
  constructor(private readonly routes: RoutesService) {}

  @Get(':id/routes')
  @ApiData("The integration's routing rules and their version", RoutesView)
  @ApiErrors(ROUTES_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: RoutesView }> {
    return { data: await this.routes.get(id) };
  }

  /** Replaces the whole rule set; `version` must be the one last read. */
  @Put(':id/routes')
  @ApiData('The routes as saved, with their new version', RoutesView)
  @ApiErrors({
    ...ROUTES_ERRORS,
    400: INVALID_ROUTES,
    409: 'VersionConflict: the routes changed since `version`; read them again and reapply the change',
  })
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplaceRoutesDto,
  ): Promise<{ data: RoutesView }> {
    return { data: await this.routes.replace(id, dto) };
  }
}
