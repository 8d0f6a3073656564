import type { Schemas } from '../api/client';

export type Condition = Schemas['RouteConditionDto'];
export type Operator = Schemas['ConditionOperator'];

/** The fields a condition reads besides labels (README: Routing). */
export const EVENT_FIELDS = ['title', 'description', 'severity', 'status'] as const;
export type FieldKind = (typeof EVENT_FIELDS)[number] | 'labels';

const LABEL_PREFIX = 'labels.';

export const OPERATORS: Operator[] = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'regex',
  'not_regex',
  'exists',
  'not_exists',
];

/** The values a field can only take, offered as a choice instead of free text. */
export const FIELD_VALUES: Partial<Record<FieldKind, string[]>> = {
  severity: ['Critical', 'Warning', 'Info'],
  status: ['firing', 'resolved'],
};

export type OperatorTakes = 'value' | 'values' | 'nothing';

export function operatorTakes(operator: Operator): OperatorTakes {
  if (operator === 'in' || operator === 'not_in') return 'values';
  if (operator === 'exists' || operator === 'not_exists') return 'nothing';
  return 'value';
}

export function fieldKindOf(field: string): FieldKind {
  if (field.startsWith(LABEL_PREFIX)) return 'labels';
  return EVENT_FIELDS.find((name) => name === field) ?? 'labels';
}

export function labelNameOf(field: string): string {
  return field.startsWith(LABEL_PREFIX) ? field.slice(LABEL_PREFIX.length) : '';
}

export function fieldOf(kind: FieldKind, labelName: string): string {
  return kind === 'labels' ? `${LABEL_PREFIX}${labelName}` : kind;
}

export function newCondition(): Condition {
  return { field: 'labels.', operator: 'equals', value: '' };
}

/**
 * The condition as the API takes it: only what its operator takes, and a list without the empty
 * entries that typing a comma-separated list leaves behind.
 */
export function cleanCondition(condition: Condition): Condition {
  const { field, operator } = condition;
  switch (operatorTakes(operator)) {
    case 'value':
      return { field, operator, value: condition.value ?? '' };
    case 'values':
      return {
        field,
        operator,
        values: (condition.values ?? []).map((value) => value.trim()).filter((v) => v !== ''),
      };
    case 'nothing':
      return { field, operator };
  }
}

/** A condition with another operator: keeps the value the user typed where the new one takes it. */
export function withOperator(condition: Condition, operator: Operator): Condition {
  const before = operatorTakes(condition.operator);
  const after = operatorTakes(operator);
  if (before === after) return { ...condition, operator };
  if (after === 'values') {
    const value = condition.value ?? '';
    return { field: condition.field, operator, values: value === '' ? [] : [value] };
  }
  if (after === 'value') {
    return { field: condition.field, operator, value: condition.values?.[0] ?? '' };
  }
  return { field: condition.field, operator };
}
