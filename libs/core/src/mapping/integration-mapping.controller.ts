import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { eventsOfBody } from '../ingest/normalize-event.js';
import { PushParseContext } from '../ingest/push-parse-context.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PreviewMappingDto } from './dto/preview-mapping.dto.js';
import { ReplaceMappingDto } from './dto/replace-mapping.dto.js';
import { IntegrationMappingService } from './integration-mapping.service.js';
import { mappingPreview } from './mapping-preview.js';
import { MappingPreviewView } from './mapping-preview.view.js';
import { MappingView } from './mapping.view.js';

/** Errors of every route that reads or tries the mapping of an integration. */
const MAPPING_ERRORS = {
  400: `${ERRORS.invalid}; also an integration whose plugin takes no mapping`,
  404: ERRORS.pluginUnavailable,
};

const INVALID_MAPPING =
  `${MAPPING_ERRORS[400]}; a mapping the checks refuse (\`details\`: one sentence per problem, ` +
  'each naming its field, such as `mapping.severity.values.warn`)';

@AdminApi('mapping')
@Controller('api/v1/integrations')
export class IntegrationMappingController {
  constructor(private readonly mappings: IntegrationMappingService) {}

  @Get(':id/mapping')
  @ApiData("The integration's mapping and the version of its settings", MappingView)
  @ApiErrors(MAPPING_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: MappingView }> {
    return { data: await this.mappings.get(id) };
  }

  /** Replaces the mapping; `version` must be the one last read. */
  @Put(':id/mapping')
  @ApiData('The mapping as saved, with the new version', MappingView)
  @ApiErrors({
    ...MAPPING_ERRORS,
    400: INVALID_MAPPING,
    409: 'VersionConflict: the settings changed since `version`; read them again and reapply the change',
  })
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplaceMappingDto,
  ): Promise<{ data: MappingView }> {
    return { data: await this.mappings.replace(id, dto) };
  }

  /**
   * Reads a payload (the plugin's first sample when none is given) with a candidate mapping (the
   * saved one when none is given), as a push would, and stores nothing.
   */
  @Post(':id/mapping/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Try a mapping on a payload without storing anything',
    description:
      'The answer shows the events a push would store (severity and status maps applied) and the alert keys they fold into. A payload the mapping cannot read answers 422 MappingFailed, as its push would.',
  })
  @ApiData('The events of the payload and their alert keys', MappingPreviewView)
  @ApiErrors({
    ...MAPPING_ERRORS,
    400: INVALID_MAPPING,
    413: 'PayloadTooLarge: the request exceeds MAX_BODY_BYTES, or its payload gives more events than a push may carry',
    422: 'MappingFailed: the mapping cannot read the payload (`details.path` in the payload, `details.field` in the mapping), or there is no mapping to try',
  })
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewMappingDto,
  ): Promise<{ data: MappingPreviewView }> {
    const mapped = await this.mappings.mapped(id);
    const settings =
      dto.mapping === undefined
        ? mapped.integration.settings
        : this.mappings.settingsWith(mapped, dto.mapping);
    const context = new PushParseContext(new Date(), {}, settings);
    const events = eventsOfBody(mapped.plugin, dto.payload ?? firstSample(mapped.plugin), context);
    return { data: mappingPreview(dto.mapping === undefined ? 'saved' : 'candidate', events) };
  }
}
