import {
  GrammarError,
  WorkBudget,
  parseTemplate,
  renderTemplate,
  type MappingTemplate,
  type TemplatePart,
} from '@alert-hub/plugin-sdk';
import type { NormalizedEvent } from '../events/normalized-event.js';

// Templates over an event use the mapping language of the SDK (plugins/webhook README, "The
// mapping language"), with `$` standing for the event: `{{ $.labels.team | "none" }}`.

/** Event fields a template may read, besides `$.labels.<name>` and `$.annotations.<name>`. */
export const TEMPLATE_FIELDS = [
  'title',
  'description',
  'severity',
  'status',
  'sourceSeverity',
  'alertKey',
];
const MAP_FIELDS = ['labels', 'annotations'];

/** A template ready to write, for one event at a time. */
export type EventTemplate = (event: NormalizedEvent) => string;

function pathProblem(part: TemplatePart): string | null {
  if (part.kind === 'text') return null;
  for (const operand of part.operands) {
    if (operand.kind === 'literal') continue;
    const { root, steps, text } = operand.path;
    const [first, second] = steps;
    const readable =
      root === 'item' &&
      typeof first === 'string' &&
      (TEMPLATE_FIELDS.includes(first)
        ? steps.length === 1
        : MAP_FIELDS.includes(first) && steps.length === 2 && typeof second === 'string');
    if (!readable) {
      return `${text} is not an event field: use $.${TEMPLATE_FIELDS.join(', $.')}, $.labels.<name> or $.annotations.<name>`;
    }
  }
  return null;
}

/** Why the text is not a template over events, or null when it is one. */
export function eventTemplateProblem(text: string): string | null {
  try {
    const template = parseTemplate(text);
    return template.parts.map(pathProblem).find((problem) => problem !== null) ?? null;
  } catch (error) {
    if (error instanceof GrammarError) return error.message;
    throw error;
  }
}

/** A template already checked by {@link eventTemplateProblem}. */
export function compileEventTemplate(text: string): EventTemplate {
  const template: MappingTemplate = parseTemplate(text);
  if (template.parts.every((part) => part.kind === 'text')) return () => text;
  return (event) =>
    renderTemplate(
      template,
      { body: event, item: event, itemPath: '$' },
      new WorkBudget(),
      'template',
    );
}
