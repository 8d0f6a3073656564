import { ApiProperty } from '@nestjs/swagger';
import { UUID_LIST } from '../openapi/api-docs.decorators.js';
import { compileCondition, type EventPredicate, type ConditionSubject } from './route-condition.js';
import type { RouteSet } from './route-set.js';

interface CompiledRule {
  index: number;
  name: string;
  conditions: EventPredicate[];
  channelIds: string[];
  continue: boolean;
}

/** A rule set with its patterns compiled: built once per version of an integration's rules. */
export interface CompiledRouteSet {
  rules: CompiledRule[];
  defaultChannelIds: string[];
}

export class MatchedRule {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Its place in `rules`, from 0' })
  index!: number;

  @ApiProperty()
  name!: string;
}

export const ROUTE_OUTCOMES = ['matched', 'default', 'unrouted'] as const;

/** Where one event goes, and why. */
export class RouteDecision {
  @ApiProperty({
    enum: ROUTE_OUTCOMES,
    enumName: 'RouteOutcome',
    description:
      'matched: by rules; default: no rule matched, so the default channels; unrouted: neither',
  })
  outcome!: (typeof ROUTE_OUTCOMES)[number];

  @ApiProperty({ type: () => MatchedRule, isArray: true, description: 'In the order tried' })
  matchedRules!: MatchedRule[];

  @ApiProperty({
    ...UUID_LIST,
    description: 'Each channel once, in the order the rules named them; none when unrouted',
  })
  channelIds!: string[];
}

export function compileRouteSet(routes: RouteSet): CompiledRouteSet {
  return {
    rules: routes.rules.map((rule, index) => ({
      index,
      name: rule.name,
      conditions: rule.conditions.map(compileCondition),
      channelIds: rule.channelIds,
      continue: rule.continue,
    })),
    defaultChannelIds: routes.defaultChannelIds,
  };
}

/**
 * Rules are tried in order; a match adds its channels and stops there unless the rule says
 * `continue`. The default channels get the event only when no rule matched.
 */
export function decideRoute(routes: CompiledRouteSet, event: ConditionSubject): RouteDecision {
  const matchedRules: MatchedRule[] = [];
  const channelIds = new Set<string>();
  for (const rule of routes.rules) {
    if (!rule.conditions.every((holds) => holds(event))) continue;
    matchedRules.push({ index: rule.index, name: rule.name });
    rule.channelIds.forEach((channelId) => channelIds.add(channelId));
    if (!rule.continue) break;
  }
  if (matchedRules.length > 0)
    return { outcome: 'matched', matchedRules, channelIds: [...channelIds] };
  if (routes.defaultChannelIds.length > 0) {
    return { outcome: 'default', matchedRules, channelIds: [...new Set(routes.defaultChannelIds)] };
  }
  return { outcome: 'unrouted', matchedRules, channelIds: [] };
}
