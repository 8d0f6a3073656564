import { Injectable } from '@nestjs/common';
import type { IntegrationPlugin, PluginSettingValues } from '@alert-hub/plugin-sdk';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  DataSource,
  type FindOptionsWhere,
  type QueryDeepPartialEntity,
  type Repository,
} from 'typeorm';
import { InvalidParameterError, NotFoundError } from '../common/api-error.js';
import { VersionConflictError } from '../common/version-conflict.error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { SubscriptionHandshakes } from '../handshakes/subscription-handshakes.js';
import { WriteQueue } from '../database/write-queue.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { PushLogEntry } from '../push-log/push-log-entry.entity.js';
import type { CreateIntegrationDto } from './dto/create-integration.dto.js';
import type { ListIntegrationsQuery } from './dto/list-integrations.query.js';
import type { UpdateIntegrationDto } from './dto/update-integration.dto.js';
import { AUTO_RESOLVE_AFTER_SECONDS } from './auto-resolve-after.js';
import { Integration } from './integration.entity.js';
import { integrationKeyHash, newIntegrationKey } from './integration-key.js';
import { changedSettings, checkedSettings } from './integration-settings.js';
import { INTEGRATION_KEY_CACHE_DEFAULTS, IntegrationKeyCache } from './integration-key-cache.js';

@Injectable()
export class IntegrationsService {
  private readonly integrations: Repository<Integration>;
  private readonly pushLog: Repository<PushLogEntry>;
  private readonly byKey = new IntegrationKeyCache(INTEGRATION_KEY_CACHE_DEFAULTS);

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly plugins: PluginRegistry,
    private readonly handshakes: SubscriptionHandshakes,
    private readonly writes: WriteQueue,
  ) {
    this.integrations = dataSource.getRepository(Integration);
    this.pushLog = dataSource.getRepository(PushLogEntry);
  }

  async create(dto: CreateIntegrationDto): Promise<Integration> {
    if (!this.plugins.has(dto.pluginId)) {
      const known = this.plugins.list().map((plugin) => plugin.id);
      throw new InvalidParameterError(
        `pluginId: no plugin "${dto.pluginId}" is enabled (enabled: ${known.join(', ')})`,
        ['pluginId must be the id of an enabled plugin'],
      );
    }
    if (dto.type === 'shared' && dto.channelId !== undefined) {
      throw new InvalidParameterError(
        'channelId: a shared integration routes by rules and has no channel of its own',
        ['channelId must be absent for a shared integration'],
      );
    }
    const settings = checkedSettings(this.plugins.get(dto.pluginId), dto.settings ?? {});
    if (dto.channelId !== undefined) await this.channels.assertExist([dto.channelId], 'channelId');
    const now = new Date();
    const integrationKey = newIntegrationKey();
    const integration = this.integrations.create({
      id: randomUUID(),
      name: dto.name,
      description: dto.description ?? '',
      pluginId: dto.pluginId,
      type: dto.type,
      channelId: dto.channelId ?? null,
      routes: null,
      routesVersion: 0,
      settings,
      autoResolveAfterSeconds: dto.autoResolveAfterSeconds ?? AUTO_RESOLVE_AFTER_SECONDS.default,
      settingsVersion: 0,
      integrationKey,
      integrationKeyHash: integrationKeyHash(integrationKey),
      enabled: true,
      latestEventAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return this.integrations.save(integration);
  }

  list(query: ListIntegrationsQuery): Promise<Integration[]> {
    const where: FindOptionsWhere<Integration> = {};
    if (query.channelId !== undefined) where.channelId = query.channelId;
    if (query.pluginId !== undefined) where.pluginId = query.pluginId;
    return this.integrations.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<Integration> {
    const integration = await this.integrations.findOneBy({ id });
    if (!integration) throw new NotFoundError('integration', id);
    return integration;
  }

  async update(id: string, dto: UpdateIntegrationDto): Promise<Integration> {
    const integration = await this.get(id);
    if (dto.channelId !== undefined) {
      if (integration.type !== 'private') {
        throw new InvalidParameterError(
          'channelId: a shared integration routes by rules and has no channel of its own',
          ['channelId must be absent for a shared integration'],
        );
      }
      await this.channels.assertExist([dto.channelId], 'channelId');
    }
    const fields = {
      name: dto.name ?? integration.name,
      description: dto.description ?? integration.description,
      enabled: dto.enabled ?? integration.enabled,
      channelId: dto.channelId ?? integration.channelId,
      autoResolveAfterSeconds: dto.autoResolveAfterSeconds ?? integration.autoResolveAfterSeconds,
      updatedAt: new Date(),
    };
    if (dto.settingsVersion !== undefined && dto.settings === undefined) {
      throw new InvalidParameterError(
        'settingsVersion: it names the version a change of settings was made from; give settings too',
        ['settingsVersion goes with settings'],
      );
    }
    if (dto.settings !== undefined) {
      const settings = changedSettings(
        this.pluginOf(integration),
        integration.settings,
        dto.settings,
      );
      const version = dto.settingsVersion ?? integration.settingsVersion;
      return this.writeSettings(integration, version, settings, fields);
    }
    Object.assign(integration, fields);
    const saved = await this.integrations.save(integration);
    this.byKey.forget(integration.integrationKeyHash);
    return saved;
  }

  /**
   * Replaces the settings (valid for the plugin) if nobody changed them since `version`, with any
   * other `fields` of the same change. The version check is part of the UPDATE, so of two changes
   * made from one version exactly one wins; the other is a 409.
   */
  async writeSettings(
    integration: Integration,
    version: number,
    settings: PluginSettingValues,
    fields: Partial<
      Pick<
        Integration,
        'name' | 'description' | 'enabled' | 'channelId' | 'autoResolveAfterSeconds'
      >
    > = {},
  ): Promise<Integration> {
    const changes = { ...fields, settings, updatedAt: new Date() };
    // The JSON column's transformer writes the settings; TypeORM's deep-partial type cannot see
    // that a settings object (whose values may be objects) is a whole value, not a partial one.
    const update = { ...changes, settingsVersion: () => 'settings_version + 1' };
    const result = await this.writes.run(() =>
      this.integrations
        .createQueryBuilder()
        .update(Integration)
        .set(update as QueryDeepPartialEntity<Integration>)
        .where('id = :id', { id: integration.id })
        .andWhere('settings_version = :version', { version })
        .execute(),
    );
    if (result.affected === 0) {
      const current = await this.get(integration.id);
      throw new VersionConflictError('settings', version, current.settingsVersion);
    }
    this.byKey.forget(integration.integrationKeyHash);
    return Object.assign(integration, changes, { settingsVersion: version + 1 });
  }

  async delete(id: string): Promise<void> {
    const integration = await this.get(id);
    await this.integrations.delete({ id });
    this.byKey.forget(integration.integrationKeyHash);
    // Its pushes can no longer be listed; the events it stored stay, as history.
    await this.pushLog.delete({ integrationId: id });
    await this.handshakes.forget(id);
  }

  /** Issues a new key; the old one stops working with this call. */
  async rotateKey(id: string): Promise<Integration> {
    const integration = await this.get(id);
    const oldKeyHash = integration.integrationKeyHash;
    const integrationKey = newIntegrationKey();
    Object.assign(integration, {
      integrationKey,
      integrationKeyHash: integrationKeyHash(integrationKey),
      updatedAt: new Date(),
    });
    const saved = await this.integrations.save(integration);
    this.byKey.forget(oldKeyHash);
    return saved;
  }

  private pluginOf(integration: Integration): IntegrationPlugin {
    const plugin = this.plugins.find(integration.pluginId);
    if (plugin === undefined) throw new PluginUnavailableError(integration.pluginId);
    return plugin;
  }

  /**
   * Drops this process's cached copy of the integration, after a change made outside this
   * service (its routes). Other processes see the change when their copy expires.
   */
  forgetCached(integration: Integration): void {
    this.byKey.forget(integration.integrationKeyHash);
  }

  /** Served from a short-lived cache; see `IntegrationKeyCache` for when changes show. */
  async findByKey(integrationKey: string): Promise<Integration | null> {
    const keyHash = integrationKeyHash(integrationKey);
    const cached = this.byKey.get(keyHash);
    if (cached !== undefined) return cached;
    const generation = this.byKey.generation;
    const integration = await this.integrations.findOneBy({ integrationKeyHash: keyHash });
    if (integration) this.byKey.set(keyHash, integration, generation);
    return integration;
  }
}
