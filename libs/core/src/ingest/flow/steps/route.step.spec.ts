import { describe, expect, it } from '@jest/globals';
import { NoRouteError } from '../../../routing/no-route.error.js';
import { RoutingService } from '../../../routing/routing.service.js';
import { ingestRun, testIntegration } from '../../../testing/ingest-run.js';
import { normalizedEvent } from '../../../testing/normalized-event.js';
import { RouteStep } from './route.step.js';

const CH_DB = '00000000-0000-4000-8000-000000000001';
const CH_DEFAULT = '00000000-0000-4000-8000-000000000002';
const routes = {
  rules: [
    {
      name: 'db',
      conditions: [{ field: 'labels.team', operator: 'equals' as const, value: 'db' }],
      channelIds: [CH_DB],
      continue: false,
    },
  ],
  defaultChannelIds: [CH_DEFAULT],
};
const step = new RouteStep(new RoutingService());

describe('RouteStep', () => {
  it('gives each event the channels of the rules it matches', () => {
    const run = ingestRun({ integration: testIntegration({ routes }) });
    run.events = [
      normalizedEvent({ labels: { team: 'db' } }),
      normalizedEvent({ labels: { team: 'web' } }),
    ];
    step.run(run);
    expect(run.channelIds).toEqual([[CH_DB], [CH_DEFAULT]]);
  });

  it('refuses a push of a shared integration with nowhere to route', () => {
    const run = ingestRun();
    run.events = [normalizedEvent()];
    expect(() => step.run(run)).toThrow(NoRouteError);
  });

  it('routes nothing for a push of beats alone', () => {
    const run = ingestRun();
    run.beats = 1;
    step.run(run);
    expect(run.channelIds).toEqual([]);
  });

  it('previews the candidate rules, with the reasons, and a refusal instead of throwing', () => {
    const run = ingestRun({ candidates: { routes } });
    run.events = [normalizedEvent({ labels: { team: 'db' } })];
    step.preview(run);
    expect(run.routing?.decisions).toEqual([
      { outcome: 'matched', matchedRules: [{ index: 0, name: 'db' }], channelIds: [CH_DB] },
    ]);
    const saved = ingestRun();
    saved.events = [normalizedEvent()];
    step.preview(saved);
    expect(saved.routing?.refusal).toBeInstanceOf(NoRouteError);
  });
});
