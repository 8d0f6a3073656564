import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ChannelsService } from '../channels/channels.service.js';
import { apiAnswerTo } from '../testing/api-answer.js';
import { integrationsOnDatabase } from '../testing/integrations-on-database.js';
import { Integration } from './integration.entity.js';
import type { IntegrationsService } from './integrations.service.js';

describe('IntegrationsService', () => {
  let dataSource: DataSource;
  let channels: ChannelsService;
  let integrations: IntegrationsService;
  let channelId: string;

  beforeEach(async () => {
    ({ dataSource, channels, integrations } = await integrationsOnDatabase());
    channelId = (await channels.create({ name: 'ops' })).id;
  });
  afterEach(() => dataSource.destroy());

  const privateOne = (overrides: Record<string, unknown> = {}) =>
    integrations.create({
      name: 'prod',
      pluginId: 'demo',
      type: 'private',
      channelId,
      ...overrides,
    });

  describe('create', () => {
    it('stores a new integration with a key of its own, enabled, its settings at version 0', async () => {
      const created = await privateOne({ settings: { region: 'eu' } });
      expect(created).toMatchObject({
        pluginId: 'demo',
        type: 'private',
        channelId,
        enabled: true,
        settings: { region: 'eu' },
        settingsVersion: 0,
        routesVersion: 0,
      });
      const other = await privateOne({ name: 'staging' });
      expect(created.integrationKey).not.toBe(other.integrationKey);
      expect(await integrations.get(created.id)).toMatchObject({
        name: 'prod',
        settings: created.settings,
      });
    });

    it('refuses an unknown plugin, naming the enabled ones', async () => {
      expect(await apiAnswerTo(privateOne({ pluginId: 'nagios' }))).toEqual([
        400,
        'InvalidParameter',
        'pluginId: no plugin "nagios" is enabled (enabled: demo)',
      ]);
    });

    it('refuses a channel for a shared integration, an unknown channel, and unknown settings', async () => {
      const shared = privateOne({ type: 'shared' });
      expect((await apiAnswerTo(shared))[2]).toMatch(
        /^channelId: a shared integration routes by rules/,
      );
      const unknown = randomUUID();
      expect((await apiAnswerTo(privateOne({ channelId: unknown })))[2]).toBe(
        `channelId: unknown channel ${unknown}`,
      );
      expect((await apiAnswerTo(privateOne({ settings: { colour: 'red' } })))[0]).toBe(400);
      expect(await integrations.list({})).toEqual([]);
    });
  });

  describe('update', () => {
    it('changes the settings only from the version they were read at: of two changes one wins', async () => {
      const { id } = await privateOne({ settings: { region: 'eu' } });
      const first = await integrations.update(id, {
        settings: { region: 'us' },
        settingsVersion: 0,
      });
      expect(first).toMatchObject({ settings: { region: 'us' }, settingsVersion: 1 });
      expect(
        await apiAnswerTo(
          integrations.update(id, { settings: { region: 'ap' }, settingsVersion: 0 }),
        ),
      ).toEqual([
        409,
        'VersionConflict',
        'the settings changed since version 0 (now 1); fetch them again and reapply your change',
      ]);
      expect(await integrations.get(id)).toMatchObject({
        settings: { region: 'us' },
        settingsVersion: 1,
      });
    });

    it('takes the version only with settings, and a channel only for a private integration', async () => {
      const { id } = await privateOne();
      expect((await apiAnswerTo(integrations.update(id, { settingsVersion: 0 })))[2]).toMatch(
        /^settingsVersion: .* give settings too$/,
      );
      const shared = await integrations.create({ name: 'all', pluginId: 'demo', type: 'shared' });
      expect((await apiAnswerTo(integrations.update(shared.id, { channelId })))[0]).toBe(400);
      expect((await apiAnswerTo(integrations.update(randomUUID(), { name: 'x' })))[1]).toBe(
        'NotFound',
      );
    });

    it('writes only what changed, leaving what others keep up to date as they left it', async () => {
      const created = await privateOne();
      const latestEventAt = new Date('2026-12-01T10:00:00Z');
      // What the ingest path writes meanwhile, behind the back of the copy the admin holds.
      await dataSource.getRepository(Integration).update({ id: created.id }, { latestEventAt });
      await integrations.update(created.id, { name: 'renamed', enabled: false });
      expect(await integrations.get(created.id)).toMatchObject({
        name: 'renamed',
        enabled: false,
        latestEventAt,
      });
    });
  });

  it('rotates the key: the old one stops working at once, the new one works', async () => {
    const created = await privateOne();
    const oldKey = created.integrationKey;
    expect((await integrations.findByKey(oldKey))?.id).toBe(created.id);
    const rotated = await integrations.rotateKey(created.id);
    expect(rotated.integrationKey).not.toBe(oldKey);
    expect(await integrations.findByKey(oldKey)).toBeNull();
    expect((await integrations.findByKey(rotated.integrationKey))?.id).toBe(created.id);
  });

  it('deletes an integration, its key with it, and lets the features keeping its rows forget them', async () => {
    const created = await privateOne();
    await integrations.findByKey(created.integrationKey);
    const forgotten: string[] = [];
    integrations.whenDeleted((integrationId) => {
      forgotten.push(integrationId);
      return Promise.resolve();
    });
    await integrations.delete(created.id);
    expect(forgotten).toEqual([created.id]);
    expect(await integrations.findByKey(created.integrationKey)).toBeNull();
    expect((await apiAnswerTo(integrations.get(created.id)))[1]).toBe('NotFound');
  });
});
