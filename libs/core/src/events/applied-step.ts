/**
 * The kinds of step an integration's processing pipeline has. They are part of the event's
 * record (an event names the steps that changed it by kind, and the API lists the kinds), so
 * they are declared here and the pipeline reads them: events need nothing of the pipeline.
 */
export const PIPELINE_STEP_KINDS = [
  'set_labels',
  'rename_labels',
  'delete_labels',
  'extract',
  'map',
  'severity',
  'title',
  'description',
  'drop',
] as const;
export type PipelineStepKind = (typeof PIPELINE_STEP_KINDS)[number];

/** What an event keeps of the pipeline: the steps that changed it. */
export interface AppliedStep {
  index: number;
  kind: PipelineStepKind;
  name: string | null;
}
