import { describe, expect, it } from '@jest/globals';
import { normalizedEvent } from '../testing/normalized-event.js';
import { compileRouteSet, decideRoute } from './route-decision.js';
import type { RouteRule, RouteSet } from './route-set.js';

function rule(name: string, team: string, channelIds: string[], more: Partial<RouteRule> = {}) {
  return {
    name,
    conditions: [{ field: `labels.team`, operator: 'equals' as const, value: team }],
    channelIds,
    continue: false,
    ...more,
  };
}

function decide(routes: RouteSet, labels: Record<string, string>) {
  return decideRoute(compileRouteSet(routes), normalizedEvent({ labels }));
}

describe('decideRoute', () => {
  it('stops at the first matching rule', () => {
    const routes = {
      rules: [rule('db', 'db', ['ch-db']), rule('db again', 'db', ['ch-other'])],
      defaultChannelIds: ['ch-default'],
    };
    expect(decide(routes, { team: 'db' })).toEqual({
      outcome: 'matched',
      matchedRules: [{ index: 0, name: 'db' }],
      channelIds: ['ch-db'],
    });
  });

  it('goes on after a rule that says continue, and sends each channel the event once', () => {
    const routes = {
      rules: [
        rule('copy to audit', 'db', ['ch-audit', 'ch-db'], { continue: true }),
        rule('web', 'web', ['ch-web']),
        rule('db', 'db', ['ch-db']),
        rule('never reached', 'db', ['ch-late']),
      ],
      defaultChannelIds: ['ch-default'],
    };
    expect(decide(routes, { team: 'db' })).toEqual({
      outcome: 'matched',
      matchedRules: [
        { index: 0, name: 'copy to audit' },
        { index: 2, name: 'db' },
      ],
      channelIds: ['ch-audit', 'ch-db'],
    });
  });

  it('sends to the default channels only when no rule matched', () => {
    const routes = { rules: [rule('db', 'db', ['ch-db'])], defaultChannelIds: ['ch-default'] };
    expect(decide(routes, { team: 'web' })).toEqual({
      outcome: 'default',
      matchedRules: [],
      channelIds: ['ch-default'],
    });
    const continued = {
      rules: [rule('db', 'db', ['ch-db'], { continue: true })],
      defaultChannelIds: ['ch-default'],
    };
    expect(decide(continued, { team: 'db' }).channelIds).toEqual(['ch-db']);
  });

  it('leaves the event unrouted when nothing matched and there is no default', () => {
    const routes = { rules: [rule('db', 'db', ['ch-db'])], defaultChannelIds: [] };
    expect(decide(routes, { team: 'web' })).toEqual({
      outcome: 'unrouted',
      matchedRules: [],
      channelIds: [],
    });
  });

  it('requires every condition of a rule; a rule without conditions matches everything', () => {
    const both: RouteRule = {
      name: 'prod db',
      conditions: [
        { field: 'labels.team', operator: 'equals', value: 'db' },
        { field: 'labels.env', operator: 'equals', value: 'prod' },
      ],
      channelIds: ['ch-prod-db'],
      continue: false,
    };
    const catchAll: RouteRule = {
      name: 'all',
      conditions: [],
      channelIds: ['ch-all'],
      continue: false,
    };
    const routes = { rules: [both, catchAll], defaultChannelIds: ['ch-default'] };
    expect(decide(routes, { team: 'db', env: 'prod' }).channelIds).toEqual(['ch-prod-db']);
    expect(decide(routes, { team: 'db', env: 'dev' }).channelIds).toEqual(['ch-all']);
  });
});
