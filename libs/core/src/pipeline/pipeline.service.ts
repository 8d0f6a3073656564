import { Injectable } from '@nestjs/common';
import { CompiledCache } from '../common/compiled-cache.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import { MapTablesService } from './map-tables.service.js';
import {
  compilePipeline,
  runPipeline,
  type CompiledPipeline,
  type PipelineOutcome,
} from './pipeline-runner.js';
import { parsePipeline, type PipelineInput } from './pipeline-validation.js';
import { EMPTY_PIPELINE, type Pipeline } from './pipeline.js';

/** Compiled pipelines kept: one per integration in use is plenty, and old versions fall out. */
const COMPILED_KEPT = 500;
const NO_TABLES = new Map();

/** What the pipeline reads of an integration: its steps, and which version of them. */
export interface PipelinedIntegration {
  readonly id: string;
  readonly pipeline: Pipeline | null;
  /** Grows with every change of `pipeline`: the compiled steps are kept per version. */
  readonly pipelineVersion: number;
}

/** Checks and runs integrations' processing pipelines. */
@Injectable()
export class PipelineService {
  /** Keyed by integration id and pipeline version: a change of the pipeline is a new key. */
  private readonly compiled = new CompiledCache<CompiledPipeline>(COMPILED_KEPT);

  constructor(private readonly tables: MapTablesService) {}

  validated(input: PipelineInput): Pipeline {
    return parsePipeline(input);
  }

  /** Whether events of the integration go through any step: most integrations have none. */
  has(integration: PipelinedIntegration): boolean {
    return integration.pipeline !== null && integration.pipeline.steps.length > 0;
  }

  /**
   * What the integration's pipeline (or `candidate`) makes of each event, in order. The map tables
   * its steps read are loaded, indexed, once per version.
   */
  async run(
    integration: PipelinedIntegration,
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

  private compiledFor(integration: PipelinedIntegration): CompiledPipeline {
    return this.compiled.get(integration.id, integration.pipelineVersion, () =>
      compilePipeline(integration.pipeline ?? EMPTY_PIPELINE),
    );
  }
}
