import type { AppliedStep } from '../events/applied-step.js';
import type { NormalizedEvent } from '../events/normalized-event.js';
import { EVENT_LIMITS, boundedMap, truncate } from '../events/event-limits.js';
import { copyOfLabels } from './event-labels.js';
import { compileStep, type CompiledStep, type MapTables } from './pipeline-steps.js';
import type { Pipeline } from './pipeline.js';

/** A pipeline with every step compiled: built once per version of an integration's pipeline. */
export interface CompiledPipeline {
  steps: ReadonlyArray<
    CompiledStep & {
      /** What an event it changes keeps of it: one object shared by all those events. */
      trace: AppliedStep;
      reason: string | null;
    }
  >;
  /** The map tables its steps read, each once. */
  tables: readonly string[];
}

/** What the pipeline made of one event. */
export interface PipelineOutcome {
  /** The event as it goes on: the one given when no step changed it, else a changed copy. */
  event: NormalizedEvent;
  /** The steps that changed it (or dropped it), in order. */
  applied: AppliedStep[];
  /** Set when a drop step took the event: it is not stored. */
  droppedBy: (AppliedStep & { reason: string }) | null;
}

export function compilePipeline(pipeline: Pipeline): CompiledPipeline {
  return {
    steps: pipeline.steps.map((step, index) => ({
      ...compileStep(step),
      trace: { index, kind: step.kind, name: step.name ?? null },
      reason: step.kind === 'drop' ? step.reason : null,
    })),
    tables: [
      ...new Set(pipeline.steps.flatMap((step) => (step.kind === 'map' ? [step.table] : []))),
    ],
  };
}

/** A copy the steps may change: the event given (the parser's) is left as it was. */
function draftOf(event: NormalizedEvent): NormalizedEvent {
  return { ...event, labels: copyOfLabels(event.labels) };
}

/** What the steps wrote, kept to the core's limits as a parsed event is. */
function bounded(event: NormalizedEvent): NormalizedEvent {
  event.labels = boundedMap(event.labels, EVENT_LIMITS.labelValue);
  event.title = truncate(event.title, EVENT_LIMITS.title);
  if (event.description !== null) {
    event.description = truncate(event.description, EVENT_LIMITS.description);
  }
  event.eventStatus = event.status === 'resolved' ? 'Ok' : event.severity;
  return event;
}

/** Runs the steps in order on one event; a drop ends the run. */
export function runPipeline(
  pipeline: CompiledPipeline,
  source: NormalizedEvent,
  tables: MapTables,
): PipelineOutcome {
  let draft: NormalizedEvent | null = null;
  const applied: AppliedStep[] = [];
  for (const step of pipeline.steps) {
    const current: NormalizedEvent = draft ?? source;
    if (!step.applies(current)) continue;
    const { trace } = step;
    if (step.reason !== null) {
      applied.push(trace);
      return { event: current, applied, droppedBy: { ...trace, reason: step.reason } };
    }
    draft ??= draftOf(source);
    if (step.act(draft, tables) === 'changed') applied.push(trace);
  }
  return {
    event: draft === null || applied.length === 0 ? source : bounded(draft),
    applied,
    droppedBy: null,
  };
}
