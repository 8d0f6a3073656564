import type { Schemas } from '../api/client';
import { cleanCondition } from '../routing/conditions';

export type PipelineStep = Schemas['PipelineStepDto'];
export type StepKind = Schemas['PipelineStepKind'];

/** The kinds of step, in the order README: Processing pipeline lists them. */
export const STEP_KINDS: StepKind[] = [
  'set_labels',
  'rename_labels',
  'delete_labels',
  'extract',
  'map',
  'severity',
  'title',
  'description',
  'drop',
];

/** The fields each kind takes besides `kind`, `name` and `conditions`. */
type StepField = Exclude<keyof PipelineStep, 'kind' | 'name' | 'conditions' | 'firingOnly'>;
const FIELDS_OF: Record<StepKind, StepField[]> = {
  set_labels: ['labels'],
  rename_labels: ['renames'],
  delete_labels: ['names'],
  extract: ['field', 'pattern'],
  map: ['table', 'field'],
  severity: ['set', 'remap', 'field'],
  title: ['template'],
  description: ['template'],
  drop: ['reason'],
};

/** Only these may skip resolutions: the others must run on them, or a resolution goes astray. */
export const FIRING_ONLY_KINDS: ReadonlySet<StepKind> = new Set(['title', 'description', 'drop']);

export function newStep(kind: StepKind): PipelineStep {
  return { kind, firingOnly: false };
}

/** The step with another kind: what both kinds take is kept, the rest dropped. */
export function withKind(step: PipelineStep, kind: StepKind): PipelineStep {
  return cleanStep({ ...step, kind });
}

/**
 * The step as the API takes it (and the JSON view shows it): only the fields its kind takes, no
 * empty name, conditions cleaned, `firingOnly` only where allowed.
 */
export function cleanStep(step: PipelineStep): PipelineStep {
  const clean: PipelineStep = {
    kind: step.kind,
    firingOnly: FIRING_ONLY_KINDS.has(step.kind) && step.firingOnly,
  };
  if (step.name !== undefined && step.name.trim() !== '') clean.name = step.name;
  if (step.conditions !== undefined && step.conditions.length > 0) {
    clean.conditions = step.conditions.map(cleanCondition);
  }
  const fields = FIELDS_OF[step.kind];
  const copied = Object.fromEntries(
    fields.filter((field) => step[field] !== undefined).map((field) => [field, step[field]]),
  ) as Partial<PipelineStep>;
  // A severity step either sets one severity or remaps words: never both.
  if (step.kind === 'severity' && copied.set !== undefined) {
    delete copied.remap;
    delete copied.field;
  }
  return { ...clean, ...copied };
}

/** `name=value` lines (or `name → value`), as a person types a small map. */
export function pairsOf(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const separator = line.indexOf('=');
    if (separator <= 0) continue;
    const name = line.slice(0, separator).trim();
    if (name !== '') pairs[name] = line.slice(separator + 1).trim();
  }
  return pairs;
}

export function textOfPairs(pairs: Record<string, string> | undefined): string {
  return Object.entries(pairs ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

/** Comma-separated names, without the empty ones typing leaves behind. */
export function namesOf(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
