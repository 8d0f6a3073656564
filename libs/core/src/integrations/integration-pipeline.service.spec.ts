import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { MapTablesService } from '../pipeline/map-tables.service.js';
import { PipelineService } from '../pipeline/pipeline.service.js';
import { apiAnswerTo } from '../testing/api-answer.js';
import { integrationsOnDatabase } from '../testing/integrations-on-database.js';
import { IntegrationPipelineService } from './integration-pipeline.service.js';
import type { IntegrationsService } from './integrations.service.js';
import { VersionedParts } from './versioned-parts.js';

describe('IntegrationPipelineService', () => {
  let dataSource: DataSource;
  let integrations: IntegrationsService;
  let pipelines: IntegrationPipelineService;

  beforeEach(async () => {
    ({ dataSource, integrations } = await integrationsOnDatabase());
    const writes = new WriteQueue(dataSource);
    pipelines = new IntegrationPipelineService(
      integrations,
      new PipelineService(new MapTablesService(dataSource, writes)),
      new VersionedParts(dataSource, integrations, writes),
    );
  });
  afterEach(() => dataSource.destroy());

  const integration = () => integrations.create({ name: 'all', pluginId: 'demo', type: 'shared' });
  const ownerStep = { kind: 'set_labels' as const, labels: { owner: 'db' } };

  it('starts with no steps at version 0, and replaces them from the version read', async () => {
    const { id, integrationKey } = await integration();
    // The ingest path's copy, cached by key, must see the new pipeline.
    await integrations.findByKey(integrationKey);
    expect(await pipelines.get(id)).toEqual({ version: 0, steps: [] });
    const saved = await pipelines.replace(id, { version: 0, steps: [ownerStep] });
    expect(saved).toEqual({
      version: 1,
      steps: [{ kind: 'set_labels', labels: { owner: 'db' }, conditions: [] }],
    });
    expect(await pipelines.get(id)).toEqual(saved);
    expect((await integrations.findByKey(integrationKey))?.pipeline).toEqual({
      steps: saved.steps,
    });
  });

  it('stores an emptied pipeline as none, under a new version', async () => {
    const { id } = await integration();
    await pipelines.replace(id, { version: 0, steps: [ownerStep] });
    expect(await pipelines.replace(id, { version: 1, steps: [] })).toEqual({
      version: 2,
      steps: [],
    });
    expect((await integrations.get(id)).pipeline).toBeNull();
  });

  it('refuses a change made from an older version, and steps the checks refuse', async () => {
    const { id } = await integration();
    await pipelines.replace(id, { version: 0, steps: [ownerStep] });
    expect(await apiAnswerTo(pipelines.replace(id, { version: 0, steps: [] }))).toEqual([
      409,
      'VersionConflict',
      'the pipeline changed since version 0 (now 1); fetch them again and reapply your change',
    ]);
    const extract = { kind: 'extract' as const, field: 'title', pattern: '(' };
    expect(await apiAnswerTo(pipelines.replace(id, { version: 1, steps: [extract] }))).toEqual([
      400,
      'InvalidParameter',
      'invalid pipeline: steps[0]: pattern is not a usable regular expression: error parsing regexp: missing closing ): `(`',
    ]);
    expect(await pipelines.get(id)).toMatchObject({ version: 1, steps: [ownerStep] });
  });
});
