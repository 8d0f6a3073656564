/** Operators that compare the field with one `value`. */
export const VALUE_OPERATORS = ['equals', 'not_equals', 'regex', 'not_regex'] as const;
/** Operators that compare the field with a list of `values`. */
export const LIST_OPERATORS = ['in', 'not_in'] as const;
/** Operators that only ask whether the event has the field; they take no value. */
export const PRESENCE_OPERATORS = ['exists', 'not_exists'] as const;
export const CONDITION_OPERATORS = [
  ...VALUE_OPERATORS,
  ...LIST_OPERATORS,
  ...PRESENCE_OPERATORS,
] as const;

export type ValueOperator = (typeof VALUE_OPERATORS)[number];
export type ListOperator = (typeof LIST_OPERATORS)[number];
export type PresenceOperator = (typeof PRESENCE_OPERATORS)[number];
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** The event fields a condition can test, besides `labels.<name>`. */
export const EVENT_FIELDS = ['title', 'description', 'severity', 'status'] as const;
export const LABEL_FIELD_PREFIX = 'labels.';

/** `field` is one of EVENT_FIELDS or `labels.<name>`. */
export type RouteCondition =
  | { field: string; operator: ValueOperator; value: string }
  | { field: string; operator: ListOperator; values: string[] }
  | { field: string; operator: PresenceOperator };

export interface RouteRule {
  name: string;
  /** All must hold; a rule without conditions matches every event. */
  conditions: RouteCondition[];
  channelIds: string[];
  /** After a match, go on to the next rules instead of stopping. */
  continue: boolean;
}

/** The routing of a shared integration, replaced as a whole. */
export interface RouteSet {
  rules: RouteRule[];
  /** Receive the events no rule matched. */
  defaultChannelIds: string[];
}

export const EMPTY_ROUTE_SET: RouteSet = { rules: [], defaultChannelIds: [] };

/** With neither rules nor default channels, a push has nowhere to go and is refused. */
export function routesNowhere(routes: RouteSet): boolean {
  return routes.rules.length === 0 && routes.defaultChannelIds.length === 0;
}

/** Every channel the rule set can send to. */
export function routeChannelIds(routes: RouteSet): string[] {
  return [
    ...new Set([...routes.rules.flatMap((rule) => rule.channelIds), ...routes.defaultChannelIds]),
  ];
}
