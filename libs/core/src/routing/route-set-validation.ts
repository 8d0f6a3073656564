import { SEVERITIES } from '@alert-hub/plugin-sdk';
import { InvalidParameterError } from '../common/api-error.js';
import { routeRegexProblem } from './route-regex.js';
import {
  CONDITION_OPERATORS,
  EVENT_FIELDS,
  LABEL_FIELD_PREFIX,
  LIST_OPERATORS,
  PRESENCE_OPERATORS,
  VALUE_OPERATORS,
  type ConditionOperator,
  type RouteCondition,
  type RouteSet,
} from './route-set.js';

/** A rule set as the API receives it, its types already checked by the DTOs. */
export interface RouteSetInput {
  rules: Array<{
    name: string;
    conditions: Array<{
      field: string;
      operator: ConditionOperator;
      value?: string;
      values?: string[];
    }>;
    channelIds: string[];
    continue?: boolean;
  }>;
  defaultChannelIds?: string[];
}

/** A condition as the API receives it, its types already checked by the DTOs. */
export type ConditionInput = RouteSetInput['rules'][number]['conditions'][number];

/** Values `severity` and `status` can take: comparing with anything else could never match. */
export const KNOWN_VALUES: Record<string, readonly string[]> = {
  severity: SEVERITIES,
  status: ['firing', 'resolved'],
};

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function fieldProblem(field: string): string | null {
  if (includes(EVENT_FIELDS, field)) return null;
  if (field.startsWith(LABEL_FIELD_PREFIX) && field.length > LABEL_FIELD_PREFIX.length) return null;
  return `field must be one of ${EVENT_FIELDS.join(', ')} or labels.<name>, not "${field}"`;
}

function unknownValuesProblem(field: string, given: readonly string[]): string | null {
  const known = KNOWN_VALUES[field];
  const unknown = known ? given.filter((value) => !known.includes(value)) : [];
  if (!known || unknown.length === 0) return null;
  return `${field} is one of ${known.join(', ')}, never ${unknown.join(', ')}`;
}

/** The condition in its typed form, or the problems that keep it from being one. */
function parseCondition(input: ConditionInput): RouteCondition | string[] {
  const { field, operator, value, values } = input;
  const problems: (string | null)[] = [fieldProblem(field)];
  let condition: RouteCondition | null = null;
  if (includes(VALUE_OPERATORS, operator)) {
    if (value === undefined) problems.push(`${operator} needs a value`);
    if (values !== undefined) problems.push(`${operator} takes one value, not values`);
    if (value !== undefined) {
      const isRegex = operator === 'regex' || operator === 'not_regex';
      const regexError = isRegex ? routeRegexProblem(value) : null;
      problems.push(
        regexError && `value is not a usable regular expression: ${regexError}`,
        isRegex ? null : unknownValuesProblem(field, [value]),
      );
      condition = { field, operator, value };
    }
  } else if (includes(LIST_OPERATORS, operator)) {
    if (values === undefined || values.length === 0) problems.push(`${operator} needs values`);
    if (value !== undefined) problems.push(`${operator} takes values, not one value`);
    if (values !== undefined) {
      problems.push(unknownValuesProblem(field, values));
      condition = { field, operator, values };
    }
  } else if (includes(PRESENCE_OPERATORS, operator)) {
    if (value !== undefined || values !== undefined) problems.push(`${operator} takes no value`);
    condition = { field, operator };
  } else {
    problems.push(
      `operator must be one of ${CONDITION_OPERATORS.join(', ')}, not "${String(operator)}"`,
    );
  }
  const found = problems.filter((problem): problem is string => problem !== null);
  return found.length > 0 || condition === null ? found : condition;
}

/**
 * Conditions in their typed form; what keeps one from being valid goes to `problems`, named by
 * its place: `<place>[<index>]: <problem>`.
 */
export function parseConditions(
  inputs: readonly ConditionInput[],
  place: string,
  problems: string[],
): RouteCondition[] {
  return inputs.flatMap((condition, index) => {
    const parsed = parseCondition(condition);
    if (!Array.isArray(parsed)) return [parsed];
    problems.push(...parsed.map((problem) => `${place}[${index}]: ${problem}`));
    return [];
  });
}

/**
 * Checks what the DTO types cannot express (field names, which operators take which values,
 * whether a pattern compiles) and returns the rule set in its typed form. Throws a 400 naming
 * every problem with its place, e.g. `rules[0].conditions[1]`.
 */
export function parseRouteSet(input: RouteSetInput): RouteSet {
  const problems: string[] = [];
  const rules = input.rules.map((rule, ruleIndex) => ({
    name: rule.name,
    conditions: parseConditions(rule.conditions, `rules[${ruleIndex}].conditions`, problems),
    channelIds: [...new Set(rule.channelIds)],
    continue: rule.continue ?? false,
  }));
  if (problems.length > 0) {
    throw new InvalidParameterError(`invalid routes: ${problems.join('; ')}`, problems);
  }
  return { rules, defaultChannelIds: [...new Set(input.defaultChannelIds ?? [])] };
}
