import { Injectable } from '@nestjs/common';
import { CompiledCache } from '../common/compiled-cache.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { VersionedParts } from '../integrations/versioned-parts.js';
import type { ReplacePipelineDto } from './dto/replace-pipeline.dto.js';
import { MapTablesService } from './map-tables.service.js';
import {
  compilePipeline,
  runPipeline,
  type CompiledPipeline,
  type PipelineOutcome,
} from './pipeline-runner.js';
import { parsePipeline, type PipelineInput } from './pipeline-validation.js';
import { EMPTY_PIPELINE, type Pipeline } from './pipeline.js';
import type { PipelineView } from './pipeline.view.js';

/** Compiled pipelines kept: one per integration in use is plenty, and old versions fall out. */
const COMPILED_KEPT = 500;
const NO_TABLES = new Map();

/** Reads, replaces and runs integrations' processing pipelines. */
@Injectable()
export class PipelineService {
  /** Keyed by integration id and pipeline version: a change of the pipeline is a new key. */
  private readonly compiled = new CompiledCache<CompiledPipeline>(COMPILED_KEPT);

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly versioned: VersionedParts,
    private readonly tables: MapTablesService,
  ) {}

  async get(integrationId: string): Promise<PipelineView> {
    const integration = await this.integrations.get(integrationId);
    return { version: integration.pipelineVersion, ...(integration.pipeline ?? EMPTY_PIPELINE) };
  }

  /** Replaces the whole pipeline if nobody changed it since `dto.version` (else 409). */
  async replace(integrationId: string, dto: ReplacePipelineDto): Promise<PipelineView> {
    const integration = await this.integrations.get(integrationId);
    const pipeline = this.validated(dto);
    const stored = pipeline.steps.length === 0 ? null : pipeline;
    const version = await this.versioned.replace(integration, 'pipeline', stored, dto.version);
    return { version, ...pipeline };
  }

  validated(input: PipelineInput): Pipeline {
    return parsePipeline(input);
  }

  /** Whether events of the integration go through any step: most integrations have none. */
  has(integration: Integration): boolean {
    return integration.pipeline !== null && integration.pipeline.steps.length > 0;
  }

  /**
   * What the integration's pipeline (or `candidate`) makes of each event, in order. The map tables
   * its steps read are loaded, indexed, once per version.
   */
  async run(
    integration: Integration,
    events: readonly NormalizedEvent[],
    candidate?: Pipeline,
  ): Promise<PipelineOutcome[]> {
    const compiled = candidate ? compilePipeline(candidate) : this.compiledFor(integration);
    const tables =
      compiled.tables.length === 0
        ? NO_TABLES
        : await this.tables.indexesFor(integration.id, compiled.tables);
    return events.map((event) => runPipeline(compiled, event, tables));
  }

  private compiledFor(integration: Integration): CompiledPipeline {
    return this.compiled.get(integration.id, integration.pipelineVersion, () =>
      compilePipeline(integration.pipeline ?? EMPTY_PIPELINE),
    );
  }
}
