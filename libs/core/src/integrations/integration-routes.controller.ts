import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { AdminApi, ApiData, ApiErrors } from '../openapi/api-docs.decorators.js';
import { ReplaceRoutesDto } from './dto/replace-routes.dto.js';
import { IntegrationRoutesService } from './integration-routes.service.js';
import { INVALID_ROUTES, ROUTES_ERRORS } from './routes-errors.js';
import { RoutesView } from './routes.view.js';

@AdminApi('routes')
@Controller('api/v1/integrations')
export class IntegrationRoutesController {
  constructor(private readonly routes: IntegrationRoutesService) {}

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
