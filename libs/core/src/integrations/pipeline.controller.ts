import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiNoContentResponse } from '@nestjs/swagger';
import { AdminApi, ApiData, ApiErrors, BY_ID_ERRORS } from '../openapi/api-docs.decorators.js';
import { UploadMapTableDto } from '../pipeline/dto/upload-map-table.dto.js';
import { MapTablesService } from '../pipeline/map-tables.service.js';
import { MapTableView, mapTableView } from '../pipeline/map-table.view.js';
import { ReplacePipelineDto } from './dto/replace-pipeline.dto.js';
import { IntegrationPipelineService } from './integration-pipeline.service.js';
import { IntegrationsService } from './integrations.service.js';
import { INVALID_PIPELINE } from './pipeline-errors.js';
import { PipelineView } from './pipeline.view.js';

/**
 * The admin API of an integration's pipeline and map tables. It lives with integrations, as the
 * routes' does: it reads and versions the integration, while pipeline/ knows no integration.
 */
@AdminApi('pipeline')
@Controller('api/v1/integrations')
export class PipelineController {
  constructor(
    private readonly pipelines: IntegrationPipelineService,
    private readonly tables: MapTablesService,
    private readonly integrations: IntegrationsService,
  ) {}

  @Get(':id/pipeline')
  @ApiData("The integration's processing pipeline and its version", PipelineView)
  @ApiErrors(BY_ID_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: PipelineView }> {
    return { data: await this.pipelines.get(id) };
  }

  /** Replaces the whole pipeline; `version` must be the one last read. */
  @Put(':id/pipeline')
  @ApiData('The pipeline as saved, with its new version', PipelineView)
  @ApiErrors({
    ...BY_ID_ERRORS,
    400: INVALID_PIPELINE,
    409: 'VersionConflict: the pipeline changed since `version`; read it again and reapply the change',
  })
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplacePipelineDto,
  ): Promise<{ data: PipelineView }> {
    return { data: await this.pipelines.replace(id, dto) };
  }

  @Get(':id/pipeline/tables')
  @ApiData("The integration's map tables, without their rows", [MapTableView])
  @ApiErrors(BY_ID_ERRORS)
  async tablesOf(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: MapTableView[] }> {
    await this.integrations.get(id);
    return { data: (await this.tables.list(id)).map(mapTableView) };
  }

  /** Uploads a map table as CSV or JSON rows, new (version 0) or replacing a version. */
  @Put(':id/pipeline/tables/:name')
  @ApiData('The table as saved, without its rows', MapTableView)
  @ApiErrors({
    ...BY_ID_ERRORS,
    400: `${BY_ID_ERRORS[400]}; a table past its bounds (rows, columns, cell length), a CSV that does not parse, a key column missing, empty or repeated`,
    409: 'VersionConflict: the table changed since `version` (0: it already exists)',
    413: 'PayloadTooLarge: the request exceeds MAX_BODY_BYTES',
  })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
    @Body() dto: UploadMapTableDto,
  ): Promise<{ data: MapTableView }> {
    await this.integrations.get(id);
    return { data: mapTableView(await this.tables.replace(id, name, dto)) };
  }

  @Delete(':id/pipeline/tables/:name')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: map steps that name it change nothing' })
  @ApiErrors(BY_ID_ERRORS)
  async removeTable(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
  ): Promise<void> {
    await this.tables.remove(id, name);
  }
}
