import { describeValue } from '../payload/describe-value.js';
import { childPath } from '../payload/json-path.js';
import { truncateText } from '../payload/truncate-text.js';
import type { WorkBudget } from './mapping-budget.js';
import { MappingError } from './mapping-error.js';
import type { MappingPath, MappingTemplate, TemplateOperand } from './mapping-grammar.js';

/** What `$` and `$$` stand for while one item is read. */
export interface MappingScope {
  readonly body: unknown;
  readonly item: unknown;
  /** Where the item is in the body (`$.alerts[3]`), for messages. */
  readonly itemPath: string;
}

/**
 * The longest text one template writes: the longest field the core keeps (an annotation value).
 * Past it the template stops writing, so no template costs more than this per item.
 */
export const TEMPLATE_OUTPUT_LIMIT = 16_384;

/** Where a path leads in the body, as a JSON path, for messages. */
export function bodyPathOf(path: MappingPath, scope: MappingScope): string {
  return path.steps.reduce<string>(
    (parent, step) => childPath(parent, step),
    path.root === 'body' ? '$' : scope.itemPath,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value a path leads to, or undefined when it leads nowhere. Only the payload's own keys and
 * array elements are followed: never a prototype (`constructor`, `__proto__`) or a method.
 */
export function readPath(path: MappingPath, scope: MappingScope, budget: WorkBudget): unknown {
  let value = path.root === 'body' ? scope.body : scope.item;
  budget.spend(path.steps.length + 1);
  for (const step of path.steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(value)) return undefined;
      const index = step < 0 ? value.length + step : step;
      if (index < 0 || index >= value.length) return undefined;
      value = value[index] as unknown;
    } else {
      if (!isRecord(value) || !Object.hasOwn(value, step)) return undefined;
      value = value[step];
    }
  }
  return value;
}

/**
 * A value as text: strings as they are, numbers and booleans as JSON writes them; undefined for
 * missing and `null`. An object or an array has no text: a `MappingError` naming where.
 */
export function scalarText(
  value: unknown,
  path: MappingPath,
  scope: MappingScope,
  field: string,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  throw new MappingError(
    `is ${describeValue(value)}, where the mapping needs text, a number or a boolean`,
    bodyPathOf(path, scope),
    field,
  );
}

function operandText(
  operand: TemplateOperand,
  scope: MappingScope,
  budget: WorkBudget,
  field: string,
): string | undefined {
  if (operand.kind === 'literal') return operand.text;
  return scalarText(readPath(operand.path, scope, budget), operand.path, scope, field);
}

/** The first alternative of a slot that gives text; empty when none does. */
function slotText(
  operands: readonly TemplateOperand[],
  scope: MappingScope,
  budget: WorkBudget,
  field: string,
): string {
  for (const operand of operands) {
    const text = operandText(operand, scope, budget, field);
    if (text !== undefined && text !== '') return text;
  }
  return '';
}

/** The template written out for one item, at most {@link TEMPLATE_OUTPUT_LIMIT} characters. */
export function renderTemplate(
  template: MappingTemplate,
  scope: MappingScope,
  budget: WorkBudget,
  field: string,
): string {
  let text = '';
  for (const part of template.parts) {
    const piece = part.kind === 'text' ? part.text : slotText(part.operands, scope, budget, field);
    const kept = truncateText(piece, TEMPLATE_OUTPUT_LIMIT - text.length);
    budget.spend(kept.length);
    text += kept;
    if (kept.length < piece.length) break;
  }
  return text;
}
