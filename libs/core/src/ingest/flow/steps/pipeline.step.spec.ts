import { describe, expect, it } from '@jest/globals';
import type { MapTablesService } from '../../../pipeline/map-tables.service.js';
import { PipelineService } from '../../../pipeline/pipeline.service.js';
import { parsePipeline } from '../../../pipeline/pipeline-validation.js';
import { ingestRun, testIntegration } from '../../../testing/ingest-run.js';
import { normalizedEvent } from '../../../testing/normalized-event.js';
import { PipelineStep } from './pipeline.step.js';

const pipeline = parsePipeline({
  steps: [
    { kind: 'set_labels', name: 'owner', labels: { owner: 'db' } },
    {
      kind: 'drop',
      reason: 'dev noise',
      conditions: [{ field: 'labels.env', operator: 'equals', value: 'dev' }],
    },
  ],
});
const step = new PipelineStep(new PipelineService({} as MapTablesService));

describe('PipelineStep', () => {
  it('changes the events, keeps the steps that did, and takes the dropped ones out', async () => {
    const run = ingestRun({ integration: testIntegration({ pipeline, pipelineVersion: 1 }) });
    run.events = [normalizedEvent({ labels: { env: 'dev' } }), normalizedEvent({ labels: {} })];
    await step.run(run);
    expect(run.events).toHaveLength(1);
    expect(run.events[0]?.labels).toEqual({ owner: 'db' });
    expect(run.events[0]?.pipelineSteps).toEqual([{ index: 0, kind: 'set_labels', name: 'owner' }]);
    expect([...run.dropped]).toEqual([['dev noise', 1]]);
    expect(run.note).toBe('dropped by the pipeline: dev noise (1)');
  });

  it('leaves the events of an integration without a pipeline as they are', async () => {
    const run = ingestRun();
    const event = normalizedEvent();
    run.events = [event];
    await step.run(run);
    expect(run.events[0]).toBe(event);
  });

  it('previews a candidate with each event before and after, dropped ones included', async () => {
    const run = ingestRun({ candidates: { pipeline } });
    const dev = normalizedEvent({ labels: { env: 'dev' } });
    run.events = [dev];
    await step.preview(run);
    expect(run.events).toEqual([]);
    expect(run.enriched?.[0]?.before).toBe(dev);
    expect(run.enriched?.[0]?.outcome.droppedBy?.reason).toBe('dev noise');
  });
});
