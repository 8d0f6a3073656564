import { SEVERITIES, type Severity } from '@alert-hub/plugin-sdk';
import { InvalidParameterError } from '../common/api-error.js';
import { PIPELINE_STEP_KINDS, type PipelineStepKind } from '../events/applied-step.js';
import { parseConditions, type ConditionInput } from '../routing/route-set-validation.js';
import { routeRegexProblem } from '../routing/route-regex.js';
import { EVENT_FIELDS, LABEL_FIELD_PREFIX } from '../routing/route-set.js';
import { RE2JS } from 're2js';
import { eventTemplateProblem } from './event-template.js';
import {
  ALWAYS_RUN_KINDS,
  FIRING_ONLY_KINDS,
  PIPELINE_LIMITS,
  type Pipeline,
  type PipelineStep,
} from './pipeline.js';

/** A step as the API receives it, its types already checked by the DTOs. */
export interface PipelineStepInput {
  kind: PipelineStepKind;
  name?: string;
  conditions?: ConditionInput[];
  firingOnly?: boolean;
  labels?: Record<string, string>;
  renames?: Record<string, string>;
  names?: string[];
  field?: string;
  pattern?: string;
  table?: string;
  set?: Severity;
  remap?: Record<string, string>;
  template?: string;
  reason?: string;
}

export interface PipelineInput {
  steps: PipelineStepInput[];
}

/** What each kind needs besides the common parts; anything else given is refused. */
const KIND_FIELDS: Record<PipelineStepKind, (keyof PipelineStepInput)[]> = {
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
const OPTIONAL: Partial<Record<PipelineStepKind, (keyof PipelineStepInput)[]>> = {
  severity: ['set', 'remap', 'field'],
};
const COMMON: (keyof PipelineStepInput)[] = ['kind', 'name', 'conditions', 'firingOnly'];
const LABEL_NAME = /^[^\s"{}]+$/;
export const TABLE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function fieldProblem(field: string): string | null {
  if ((EVENT_FIELDS as readonly string[]).includes(field)) return null;
  if (field.startsWith(LABEL_FIELD_PREFIX) && field.length > LABEL_FIELD_PREFIX.length) return null;
  return `field must be one of ${EVENT_FIELDS.join(', ')} or labels.<name>, not "${field}"`;
}

function labelNameProblem(name: string, what: string): string | null {
  if (
    name.length === 0 ||
    name.length > PIPELINE_LIMITS.labelNameLength ||
    !LABEL_NAME.test(name)
  ) {
    return `${what} "${name}" is not a label name: 1 to ${PIPELINE_LIMITS.labelNameLength} characters, no spaces, quotes or braces`;
  }
  return null;
}

function mapProblems(
  map: Record<string, string>,
  what: string,
  checkValue: (value: string, name: string) => string | null,
): (string | null)[] {
  const entries = Object.entries(map);
  if (entries.length === 0) return [`${what} needs at least one entry`];
  if (entries.length > PIPELINE_LIMITS.labelsPerStep) {
    return [`${what} has more than ${PIPELINE_LIMITS.labelsPerStep} entries`];
  }
  return entries.flatMap(([name, value]) => [
    labelNameProblem(name.replace(/\*$/, ''), `${what} name`),
    typeof value === 'string' ? checkValue(value, name) : `${what}.${name} must be text`,
  ]);
}

function templateProblem(text: string): string | null {
  if (text.length > PIPELINE_LIMITS.templateLength) {
    return `a template is longer than ${PIPELINE_LIMITS.templateLength} characters`;
  }
  const problem = eventTemplateProblem(text);
  return problem && `template "${text}": ${problem}`;
}

function renameProblem(to: string, from: string): string | null {
  if (from.endsWith('*') !== to.endsWith('*')) {
    return `renames "${from}": a prefix (ending in *) renames to a prefix, a name to a name`;
  }
  return labelNameProblem(to.replace(/\*$/, ''), 'renames target') ?? null;
}

function extractProblems(pattern: string): (string | null)[] {
  const regexProblem = routeRegexProblem(pattern);
  if (regexProblem) return [`pattern is not a usable regular expression: ${regexProblem}`];
  const groups = Object.keys(RE2JS.compile(pattern).namedGroups());
  return groups.length === 0 ? ['pattern needs named groups, such as (?P<host>[^.]+)'] : [];
}

function severityProblems(input: PipelineStepInput): (string | null)[] {
  const { set, remap } = input;
  if ((set === undefined) === (remap === undefined))
    return ['severity takes set or remap, one of them'];
  if (remap === undefined) return [];
  return mapProblems(remap, 'remap', (value) =>
    (SEVERITIES as readonly string[]).includes(value)
      ? null
      : `remap values are one of ${SEVERITIES.join(', ')}, not "${value}"`,
  );
}

/** What keeps the kind's own parts from being valid. */
function kindProblems(input: PipelineStepInput): (string | null)[] {
  switch (input.kind) {
    case 'set_labels':
      return mapProblems(input.labels ?? {}, 'labels', (value) => templateProblem(value));
    case 'rename_labels':
      return mapProblems(input.renames ?? {}, 'renames', renameProblem);
    case 'delete_labels':
      return (input.names ?? []).length === 0
        ? ['names needs at least one label']
        : (input.names ?? []).map((name) => labelNameProblem(name, 'names'));
    case 'extract':
      return [fieldProblem(input.field ?? ''), ...extractProblems(input.pattern ?? '')];
    case 'map':
      return [
        fieldProblem(input.field ?? ''),
        TABLE_NAME.test(input.table ?? '')
          ? null
          : 'table must name a map table (a-z, 0-9, _ and -)',
      ];
    case 'severity':
      return [
        ...severityProblems(input),
        input.field === undefined ? null : fieldProblem(input.field),
      ];
    case 'title':
    case 'description':
      return [templateProblem(input.template ?? '')];
    case 'drop':
      return [(input.reason ?? '').trim() === '' ? 'drop needs a reason' : null];
  }
}

/** The parts given that the kind does not take, and the ones it needs that are missing. */
function shapeProblems(input: PipelineStepInput): string[] {
  const takes = [...COMMON, ...KIND_FIELDS[input.kind]];
  const optional = OPTIONAL[input.kind] ?? [];
  const given = (Object.keys(input) as (keyof PipelineStepInput)[]).filter(
    (key) => input[key] !== undefined,
  );
  return [
    ...given.filter((key) => !takes.includes(key)).map((key) => `${input.kind} takes no ${key}`),
    ...KIND_FIELDS[input.kind]
      .filter((key) => !optional.includes(key) && input[key] === undefined)
      .map((key) => `${input.kind} needs ${key}`),
    ...(input.firingOnly && ALWAYS_RUN_KINDS.includes(input.kind)
      ? [
          `${input.kind} runs on resolutions too (firingOnly is for ${FIRING_ONLY_KINDS.join(', ')})`,
        ]
      : []),
  ];
}

function stepOf(input: PipelineStepInput, conditions: PipelineStep['conditions']): PipelineStep {
  const base = {
    ...(input.name === undefined ? {} : { name: input.name }),
    conditions,
    ...(input.firingOnly ? { firingOnly: true } : {}),
  };
  switch (input.kind) {
    case 'set_labels':
      return { ...base, kind: input.kind, labels: { ...input.labels } };
    case 'rename_labels':
      return { ...base, kind: input.kind, renames: { ...input.renames } };
    case 'delete_labels':
      return { ...base, kind: input.kind, names: [...new Set(input.names)] };
    case 'extract':
      return { ...base, kind: input.kind, field: input.field ?? '', pattern: input.pattern ?? '' };
    case 'map':
      return { ...base, kind: input.kind, table: input.table ?? '', field: input.field ?? '' };
    case 'severity':
      return {
        ...base,
        kind: input.kind,
        ...(input.set === undefined ? {} : { set: input.set }),
        ...(input.remap === undefined ? {} : { remap: input.remap as Record<string, Severity> }),
        ...(input.field === undefined ? {} : { field: input.field }),
      };
    case 'title':
    case 'description':
      return { ...base, kind: input.kind, template: input.template ?? '' };
    case 'drop':
      return { ...base, kind: input.kind, reason: (input.reason ?? '').trim() };
  }
}

/**
 * Checks what the DTO types cannot express (which parts a kind takes, fields, templates, RE2
 * patterns, conditions in the routing grammar) and returns the pipeline in its typed form.
 * Throws a 400 naming every problem with its place, e.g. `steps[2].conditions[0]`.
 */
export function parsePipeline(input: PipelineInput): Pipeline {
  const problems: string[] = [];
  const steps = input.steps.map((step, index) => {
    const place = `steps[${index}]`;
    if (!(PIPELINE_STEP_KINDS as readonly string[]).includes(step.kind)) {
      problems.push(`${place}: kind must be one of ${PIPELINE_STEP_KINDS.join(', ')}`);
      return null;
    }
    const conditions = parseConditions(step.conditions ?? [], `${place}.conditions`, problems);
    const found = [...shapeProblems(step), ...kindProblems(step)].filter(
      (problem): problem is string => problem !== null,
    );
    problems.push(...found.map((problem) => `${place}: ${problem}`));
    return found.length === 0 ? stepOf(step, conditions) : null;
  });
  if (problems.length > 0) {
    throw new InvalidParameterError(`invalid pipeline: ${problems.join('; ')}`, problems);
  }
  return { steps: steps.filter((step): step is PipelineStep => step !== null) };
}
