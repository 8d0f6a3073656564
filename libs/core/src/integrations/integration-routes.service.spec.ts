import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import type { RouteSetInput } from '../routing/route-set-validation.js';
import { apiAnswerTo } from '../testing/api-answer.js';
import { integrationsOnDatabase } from '../testing/integrations-on-database.js';
import { IntegrationChannelUses } from './integration-channel-uses.js';
import { IntegrationRoutesService } from './integration-routes.service.js';
import { VersionedParts } from './versioned-parts.js';
import type { IntegrationsService } from './integrations.service.js';
import type { ChannelsService } from '../channels/channels.service.js';

describe('IntegrationRoutesService', () => {
  let dataSource: DataSource;
  let channels: ChannelsService;
  let integrations: IntegrationsService;
  let routes: IntegrationRoutesService;
  let ops: string;
  let db: string;

  beforeEach(async () => {
    ({ dataSource, channels, integrations } = await integrationsOnDatabase());
    routes = new IntegrationRoutesService(
      integrations,
      channels,
      new VersionedParts(dataSource, integrations, new WriteQueue(dataSource)),
    );
    new IntegrationChannelUses(dataSource, channels).onModuleInit();
    ops = (await channels.create({ name: 'ops' })).id;
    db = (await channels.create({ name: 'db' })).id;
  });
  afterEach(() => dataSource.destroy());

  const shared = () => integrations.create({ name: 'all', pluginId: 'demo', type: 'shared' });
  const toDb = (): RouteSetInput => ({
    rules: [
      {
        name: 'database',
        conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
        channelIds: [db],
      },
    ],
    defaultChannelIds: [ops],
  });

  it('starts with no rules at version 0, and replaces them from the version read', async () => {
    const { id, integrationKey } = await shared();
    // The ingest path's copy, cached by key, must see the new rules.
    await integrations.findByKey(integrationKey);
    expect(await routes.get(id)).toEqual({ version: 0, rules: [], defaultChannelIds: [] });
    const saved = await routes.replace(id, { version: 0, ...toDb() });
    expect(saved).toMatchObject({ version: 1, defaultChannelIds: [ops] });
    expect(saved.rules).toEqual([
      {
        name: 'database',
        conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
        channelIds: [db],
        continue: false,
      },
    ]);
    expect(await routes.get(id)).toEqual(saved);
    expect((await integrations.findByKey(integrationKey))?.routes).toEqual({
      rules: saved.rules,
      defaultChannelIds: [ops],
    });
  });

  it('refuses a change made from an older version: of two changes one wins', async () => {
    const { id } = await shared();
    await routes.replace(id, { version: 0, ...toDb() });
    expect(
      await apiAnswerTo(routes.replace(id, { version: 0, rules: [], defaultChannelIds: [db] })),
    ).toEqual([
      409,
      'VersionConflict',
      'the routes changed since version 0 (now 1); fetch them again and reapply your change',
    ]);
    expect((await routes.get(id)).defaultChannelIds).toEqual([ops]);
  });

  it('refuses rules for a private integration and rules naming unknown channels', async () => {
    const own = await integrations.create({
      name: 'prod',
      pluginId: 'demo',
      type: 'private',
      channelId: ops,
    });
    expect((await apiAnswerTo(routes.get(own.id)))[2]).toMatch(/is private: every event goes/);
    const { id } = await shared();
    const unknown = randomUUID();
    expect(
      await apiAnswerTo(
        routes.replace(id, { version: 0, rules: [], defaultChannelIds: [unknown] }),
      ),
    ).toEqual([400, 'InvalidParameter', `routes: unknown channel ${unknown}`]);
    expect((await routes.get(id)).version).toBe(0);
  });

  it("keeps a channel that a private integration or a shared one's rules send to", async () => {
    const { id, name } = await shared();
    await routes.replace(id, { version: 0, ...toDb() });
    const bound = await integrations.create({
      name: 'prod',
      pluginId: 'demo',
      type: 'private',
      channelId: ops,
    });
    expect(await apiAnswerTo(channels.delete(ops))).toEqual([
      409,
      'ChannelInUse',
      `channel ${ops} receives alerts from 1 private integration(s); delete or move them first`,
    ]);
    expect(await apiAnswerTo(channels.delete(db))).toEqual([
      409,
      'ChannelInUse',
      `channel ${db} is a routing target of shared integration(s) "${name}" (${id}); change their routes first`,
    ]);
    await integrations.delete(bound.id);
    await routes.replace(id, { version: 1, rules: [], defaultChannelIds: [db] });
    await channels.delete(ops);
    expect((await channels.list()).map((channel) => channel.id)).toEqual([db]);
  });
});
