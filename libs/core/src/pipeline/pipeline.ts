import type { Severity } from '@alert-hub/plugin-sdk';
import type { PipelineStepKind } from '../events/applied-step.js';
import type { RouteCondition } from '../routing/route-set.js';

/**
 * Kinds that change what identifies and routes an event (its labels, its severity): they run on
 * resolutions too, so that a resolution reaches the channels and the alert its firing reached.
 */
export const ALWAYS_RUN_KINDS: readonly PipelineStepKind[] = [
  'set_labels',
  'rename_labels',
  'delete_labels',
  'extract',
  'map',
  'severity',
];

/** Kinds that may be marked `firingOnly`. */
export const FIRING_ONLY_KINDS: readonly PipelineStepKind[] = ['title', 'description', 'drop'];

/** Bounds that keep one push's pipeline cheap and one pipeline readable. */
export const PIPELINE_LIMITS = {
  steps: 50,
  conditionsPerStep: 20,
  labelsPerStep: 50,
  labelNameLength: 200,
  templateLength: 2000,
  reasonLength: 200,
  remapEntries: 100,
  tableNameLength: 64,
} as const;

interface StepBase {
  /** For people and for the trace an event keeps; the kind when not given. */
  name?: string;
  /** All must hold for the step to run; none: it runs on every event. */
  conditions: RouteCondition[];
  /** Skip resolutions; only for title, description and drop. */
  firingOnly?: boolean;
}

/** `field` is an event field or `labels.<name>`, as in routing conditions. */
export type PipelineStep = StepBase &
  (
    | { kind: 'set_labels'; labels: Record<string, string> }
    | { kind: 'rename_labels'; renames: Record<string, string> }
    | { kind: 'delete_labels'; names: string[] }
    | { kind: 'extract'; field: string; pattern: string }
    | { kind: 'map'; table: string; field: string }
    | {
        kind: 'severity';
        set?: Severity;
        remap?: Record<string, Severity>;
        /** The word remapped; the source's own severity word when absent. */
        field?: string;
      }
    | { kind: 'title'; template: string }
    | { kind: 'description'; template: string }
    | { kind: 'drop'; reason: string }
  );

/** An integration's processing pipeline: its steps run in order on every event. */
export interface Pipeline {
  steps: PipelineStep[];
}

export const EMPTY_PIPELINE: Pipeline = { steps: [] };
