import { Injectable } from '@nestjs/common';
import { PipelineService } from '../pipeline/pipeline.service.js';
import { EMPTY_PIPELINE } from '../pipeline/pipeline.js';
import type { ReplacePipelineDto } from './dto/replace-pipeline.dto.js';
import { IntegrationsService } from './integrations.service.js';
import type { PipelineView } from './pipeline.view.js';
import { VersionedParts } from './versioned-parts.js';

/** Reads and replaces the processing pipelines of integrations. */
@Injectable()
export class IntegrationPipelineService {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly pipelines: PipelineService,
    private readonly versioned: VersionedParts,
  ) {}

  async get(integrationId: string): Promise<PipelineView> {
    const integration = await this.integrations.get(integrationId);
    return { version: integration.pipelineVersion, ...(integration.pipeline ?? EMPTY_PIPELINE) };
  }

  /** Replaces the whole pipeline if nobody changed it since `dto.version` (else 409). */
  async replace(integrationId: string, dto: ReplacePipelineDto): Promise<PipelineView> {
    const integration = await this.integrations.get(integrationId);
    const pipeline = this.pipelines.validated(dto);
    const stored = pipeline.steps.length === 0 ? null : pipeline;
    const version = await this.versioned.replace(integration, 'pipeline', stored, dto.version);
    return { version, ...pipeline };
  }
}
