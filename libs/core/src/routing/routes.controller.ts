import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ReplaceRoutesDto } from './dto/replace-routes.dto.js';
import { RoutesService, type RoutesView } from './routes.service.js';

@Controller('api/v1/integrations')
export class RoutesController {
  constructor(private readonly routes: RoutesService) {}

  @Get(':id/routes')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: RoutesView }> {
    return { data: await this.routes.get(id) };
  }

  /** Replaces the whole rule set; `version` must be the one last read. */
  @Put(':id/routes')
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplaceRoutesDto,
  ): Promise<{ data: RoutesView }> {
    return { data: await this.routes.replace(id, dto) };
  }
}
