import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InvalidParameterError } from '../common/api-error.js';
import { EventsQueryService } from '../events/events-query.service.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { INVALID_PIPELINE } from '../integrations/pipeline-errors.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { PreviewPipelineDto } from '../pipeline/dto/preview-pipeline.dto.js';
import { PipelineService } from '../pipeline/pipeline.service.js';
import type { IngestRun } from './flow/ingest-run.js';
import { IngestService } from './ingest.service.js';
import {
  PipelinePreviewView,
  type PipelinePreviewEvent,
  type PreviewedEventState,
} from './pipeline-preview.view.js';
import { normalizedFromStored } from './stored-event.js';
import { PUSH_ERRORS } from './push-errors.js';

function stateOf(event: NormalizedEvent): PreviewedEventState {
  const { alertKey, status, severity, title, description, labels } = event;
  return { alertKey, status, severity, title, description, labels };
}

@AdminApi('pipeline')
@Controller('api/v1/integrations')
export class PipelinePreviewController {
  constructor(
    private readonly ingest: IngestService,
    private readonly integrations: IntegrationsService,
    private readonly pipelines: PipelineService,
    private readonly events: EventsQueryService,
  ) {}

  /**
   * Runs a pipeline (a candidate, or the saved one) over a payload (the plugin's first sample when
   * none is given) or over the integration's latest stored events, through the ingest flow as a
   * push would, and shows each event before and after. Stores nothing.
   */
  @Post(':id/pipeline/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a processing pipeline on a payload or on stored events' })
  @ApiData(
    'Per event: before, after (null when dropped) and the steps that changed it',
    PipelinePreviewView,
  )
  @ApiErrors({
    400: `${INVALID_PIPELINE}; InvalidPayload: the payload is not in the plugin's format; payload and stored together`,
    404: ERRORS.pluginUnavailable,
    413: PUSH_ERRORS[413],
  })
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewPipelineDto,
    @Req() request: FastifyRequest,
  ): Promise<{ data: PipelinePreviewView }> {
    if (dto.payload !== undefined && dto.stored !== undefined) {
      throw new InvalidParameterError('give a payload or stored, not both', [
        'payload and stored exclude each other',
      ]);
    }
    const integration = await this.integrations.get(id);
    const candidate = dto.pipeline ? this.pipelines.validated(dto.pipeline) : undefined;
    const candidates = { pipeline: candidate ?? integration.pipeline ?? { steps: [] } };
    let run: IngestRun;
    let storedIds: number[] = [];
    if (dto.stored !== undefined) {
      const stored = await this.events.latestEventsOf(id, dto.stored);
      storedIds = stored.map((event) => event.id);
      run = await this.ingest.previewEvents(
        integration,
        stored.map(normalizedFromStored),
        request.id,
        candidates,
      );
    } else {
      run = await this.ingest.preview(integration, dto.payload, request.id, candidates);
    }
    const events: PipelinePreviewEvent[] = (run.enriched ?? []).map(
      ({ before, outcome }, index) => ({
        before: stateOf(before),
        after: outcome.droppedBy === null ? stateOf(outcome.event) : null,
        steps: outcome.applied,
        dropped: outcome.droppedBy && {
          index: outcome.droppedBy.index,
          reason: outcome.droppedBy.reason,
        },
        storedEventId: storedIds[index] ?? null,
      }),
    );
    return {
      data: {
        pipeline: candidate ? 'candidate' : 'saved',
        source:
          dto.stored !== undefined ? 'stored' : dto.payload !== undefined ? 'payload' : 'sample',
        events,
        note: run.note,
      },
    };
  }
}
