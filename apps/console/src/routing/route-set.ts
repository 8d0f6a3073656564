import type { Schemas } from '../api/client';
import { cleanCondition } from './conditions';

export type RouteRule = Schemas['RouteRuleDto'];
export type RouteSet = Schemas['RouteSetDto'] & { defaultChannelIds: string[] };

/** A rule as added: named (in the page's language), matching everything, sending nowhere. */
export function newRule(name: string): RouteRule {
  return { name, conditions: [], channelIds: [], continue: false };
}

/** The routes as the API takes them (and as the JSON view shows them). */
export function cleanRouteSet(routes: RouteSet): RouteSet {
  return {
    rules: routes.rules.map((rule) => ({
      ...rule,
      conditions: rule.conditions.map(cleanCondition),
    })),
    defaultChannelIds: routes.defaultChannelIds,
  };
}

/** The list with the item at `index` moved by `offset` places (a no-op past either end). */
export function moved<T>(items: T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

export function replaced<T>(items: T[], index: number, item: T): T[] {
  return items.map((current, at) => (at === index ? item : current));
}

export function removed<T>(items: T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

/** Every channel the routes name, once each, in the order they first appear. */
export function routeChannelIds(routes: RouteSet): string[] {
  return [
    ...new Set([...routes.rules.flatMap((rule) => rule.channelIds), ...routes.defaultChannelIds]),
  ];
}
