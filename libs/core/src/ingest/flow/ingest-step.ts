import type { IngestRun } from './ingest-run.js';

/**
 * One stage of ingestion. `run` is what it does to a push; `preview` what it does when an admin
 * tries a payload, which must change nothing outside the run (no row, no beat, no outbound
 * request). A step without `preview` is skipped by previews.
 */
export interface IngestStep {
  /** For traces and tests: kebab-case, unique in the flow. */
  readonly name: string;
  run(run: IngestRun): Promise<void> | void;
  preview?(run: IngestRun): Promise<void> | void;
}
