import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Alert } from '../events/alert.entity.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  BY_ID_ERRORS,
  ERRORS,
} from '../openapi/api-docs.decorators.js';
import { ListSilencesQuery } from './dto/list-silences.query.js';
import { SilenceRuleDto } from './dto/silence-rule.dto.js';
import { CreateSilenceDto, ReplaceSilenceDto } from './dto/save-silence.dto.js';
import { silenceAuthor } from './silence-author.js';
import { SilencePreview, SilencePreviewView } from './silence-preview.js';
import { SilenceView } from './silence.view.js';
import { SilencesService } from './silences.service.js';

const INVALID_SILENCE =
  `${ERRORS.invalid}; also conditions routing would refuse, a scope or schedule without the ` +
  'fields its type takes, an unknown time zone, integration or channel';

@AdminApi('silences')
@Controller('api/v1/silences')
export class SilencesController {
  constructor(
    private readonly silences: SilencesService,
    private readonly previews: SilencePreview,
  ) {}

  @Post()
  @ApiData('The silence created, at version 1', SilenceView, { status: 201 })
  @ApiErrors({ 400: INVALID_SILENCE, 409: 'TooManySilences: end some first' })
  async create(
    @Body() dto: CreateSilenceDto,
    @Req() request: FastifyRequest,
  ): Promise<{ data: SilenceView }> {
    return { data: await this.silences.create(dto, silenceAuthor(request)) };
  }

  @Get()
  @ApiData('Silences, newest first, flagged unused or expiresSoon', [SilenceView])
  @ApiErrors({ 400: ERRORS.invalid })
  async list(@Query() query: ListSilencesQuery): Promise<{ data: SilenceView[] }> {
    return { data: await this.silences.list(query.state) };
  }

  /** Tries a silence on the stored events of the last 7 days; saves nothing. */
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a silence would have silenced over the last 7 days' })
  @ApiData('Counts, and a sample of the alerts', SilencePreviewView, { models: [Alert] })
  @ApiErrors({ 400: INVALID_SILENCE })
  async preview(@Body() dto: SilenceRuleDto): Promise<{ data: SilencePreviewView }> {
    const definition = await this.silences.validated({ ...dto, reason: 'preview' });
    return { data: await this.previews.preview(definition, new Date()) };
  }

  @Get(':id')
  @ApiData('The silence', SilenceView)
  @ApiErrors(BY_ID_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: SilenceView }> {
    return { data: await this.silences.get(id) };
  }

  /** Replaces the whole silence; `version` must be the one last read. */
  @Put(':id')
  @ApiData('The silence as saved, with its new version', SilenceView)
  @ApiErrors({
    400: INVALID_SILENCE,
    404: ERRORS.notFound,
    409: 'VersionConflict: the silence changed since `version`; read it again and reapply the change',
  })
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplaceSilenceDto,
  ): Promise<{ data: SilenceView }> {
    const { version, ...input } = dto;
    return { data: await this.silences.replace(id, input, version) };
  }

  /** Ends the silence now; the record stays, listed as ended. */
  @Delete(':id')
  @ApiData('The silence, ended', SilenceView)
  @ApiErrors(BY_ID_ERRORS)
  async expire(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: SilenceView }> {
    return { data: await this.silences.expire(id) };
  }
}
