import { Injectable } from '@nestjs/common';
import type { PluginSettingValues } from '@alert-hub/plugin-sdk';
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
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { WriteQueue } from '../storage/index.js';
import type { CreateIntegrationDto } from './dto/create-integration.dto.js';
import type { ListIntegrationsQuery } from './dto/list-integrations.query.js';
import type { UpdateIntegrationDto } from './dto/update-integration.dto.js';
import { AUTO_RESOLVE_AFTER_SECONDS } from './auto-resolve-after.js';
import { heartbeatDueAt, parseHeartbeat, type HeartbeatSettings } from './heartbeat-settings.js';
import { Integration } from './integration.entity.js';
import type { IntegrationDeletionListener } from './integration-deletion-listener.js';
import { integrationKeyHash, newIntegrationKey } from './integration-key.js';
import { changedSettings, checkedSettings } from './integration-settings.js';
import { INTEGRATION_KEY_CACHE_DEFAULTS, IntegrationKeyCache } from './integration-key-cache.js';

export type IntegrationActivity = Pick<
  Integration,
  'id' | 'pluginId' | 'latestEventAt' | 'lastBeatAt'
>;

@Injectable()
export class IntegrationsService {
  private readonly integrations: Repository<Integration>;
  private readonly byKey = new IntegrationKeyCache(INTEGRATION_KEY_CACHE_DEFAULTS);
  private readonly deletionListeners: IntegrationDeletionListener[] = [];

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly plugins: PluginRegistry,
    private readonly writes: WriteQueue,
  ) {
    this.integrations = dataSource.getRepository(Integration);
  }

  /** Adds work every deletion of an integration finishes before it is answered. */
  whenDeleted(listener: IntegrationDeletionListener): void {
    this.deletionListeners.push(listener);
  }

  async create(dto: CreateIntegrationDto): Promise<Integration> {
    const plugin = this.plugins.find(dto.pluginId);
    if (plugin === undefined) {
      const known = this.plugins.list().map((enabled) => enabled.id);
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
    const settings = checkedSettings(plugin, dto.settings ?? {});
    const heartbeat = dto.heartbeat ? parseHeartbeat(dto.heartbeat) : null;
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
      settingsVersion: 0,
      autoResolveAfterSeconds: dto.autoResolveAfterSeconds ?? AUTO_RESOLVE_AFTER_SECONDS.default,
      heartbeat,
      lastBeatAt: null,
      heartbeatDueAt: watchStartedAt(heartbeat, now),
      heartbeatMissedAt: null,
      heartbeatClaimedAt: null,
      integrationKey,
      integrationKeyHash: integrationKeyHash(integrationKey),
      enabled: true,
      latestEventAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return this.writes.run(() => this.integrations.save(integration));
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
    if (dto.settingsVersion !== undefined && dto.settings === undefined) {
      throw new InvalidParameterError(
        'settingsVersion: it names the version a change of settings was made from; give settings too',
        ['settingsVersion goes with settings'],
      );
    }
    const heartbeat =
      dto.heartbeat === undefined
        ? integration.heartbeat
        : dto.heartbeat && parseHeartbeat(dto.heartbeat);
    const now = new Date();
    const changes: Partial<Integration> = {
      name: dto.name ?? integration.name,
      description: dto.description ?? integration.description,
      enabled: dto.enabled ?? integration.enabled,
      channelId: dto.channelId ?? integration.channelId,
      autoResolveAfterSeconds: dto.autoResolveAfterSeconds ?? integration.autoResolveAfterSeconds,
      heartbeat,
      updatedAt: now,
    };
    // A new heartbeat, or an integration enabled again, is watched from now: the time without
    // one, or disabled, is no silence of the source.
    if (dto.heartbeat !== undefined || (dto.enabled === true && !integration.enabled)) {
      changes.heartbeatDueAt = watchStartedAt(heartbeat, now);
    }
    if (dto.settings === undefined) {
      await this.write(integration, changes);
    } else {
      changes.settings = changedSettings(
        this.plugins.pluginOf(integration),
        integration.settings,
        dto.settings,
      );
      await this.write(integration, changes, dto.settingsVersion ?? integration.settingsVersion);
    }
    return integration;
  }

  /**
   * Replaces the settings (valid for the plugin) if nobody changed them since `version`: of two
   * changes made from one version exactly one wins, the other is a 409.
   */
  async writeSettings(
    integration: Integration,
    version: number,
    settings: PluginSettingValues,
  ): Promise<Integration> {
    await this.write(integration, { settings, updatedAt: new Date() }, version);
    return integration;
  }

  async delete(id: string): Promise<void> {
    const integration = await this.get(id);
    await this.writes.run(() => this.integrations.delete({ id }));
    this.byKey.forget(integration.integrationKeyHash);
    for (const listener of this.deletionListeners) await listener(id);
  }

  /** Issues a new key; the old one stops working with this call. */
  async rotateKey(id: string): Promise<Integration> {
    const integration = await this.get(id);
    const oldKeyHash = integration.integrationKeyHash;
    const integrationKey = newIntegrationKey();
    await this.write(integration, {
      integrationKey,
      integrationKeyHash: integrationKeyHash(integrationKey),
      updatedAt: new Date(),
    });
    this.byKey.forget(oldKeyHash);
    return integration;
  }

  /**
   * Writes the changed columns only, and applies them to `integration`. A save of the whole
   * entity would write back the columns others keep up to date meanwhile, as it read them: the
   * latest event time, the heartbeat's state. A change of the settings names the version it was
   * made from: the check is part of the UPDATE, and the version grows by one with it.
   */
  private async write(
    integration: Integration,
    changes: Partial<Integration>,
    settingsVersion?: number,
  ): Promise<void> {
    const versioned = settingsVersion !== undefined;
    const where = versioned ? { id: integration.id, settingsVersion } : { id: integration.id };
    // The JSON column's transformer writes the settings; TypeORM's deep-partial type cannot see
    // that a settings object (whose values may be objects) is a whole value, not a partial one.
    const values = (
      versioned ? { ...changes, settingsVersion: () => 'settings_version + 1' } : changes
    ) as QueryDeepPartialEntity<Integration>;
    const result = await this.writes.run(() => this.integrations.update(where, values));
    if (versioned && result.affected === 0) {
      const current = await this.get(integration.id);
      throw new VersionConflictError('settings', settingsVersion, current.settingsVersion);
    }
    Object.assign(integration, changes, versioned ? { settingsVersion: settingsVersion + 1 } : {});
    this.byKey.forget(integration.integrationKeyHash);
  }

  /**
   * Drops this process's cached copy of the integration, after a change made outside this
   * service (its routes). Other processes see the change when their copy expires.
   */
  forgetCached(integration: Integration): void {
    this.byKey.forget(integration.integrationKeyHash);
  }

  /** Each integration's latest event and beat times (for the metrics), in one query. */
  activity(): Promise<IntegrationActivity[]> {
    return this.integrations.find({
      select: { id: true, pluginId: true, latestEventAt: true, lastBeatAt: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Served from a short-lived cache; see `IntegrationKeyCache` for when changes show. */
  findByKey(integrationKey: string): Promise<Integration | null> {
    const keyHash = integrationKeyHash(integrationKey);
    return this.byKey.lookup(keyHash, () =>
      this.integrations.findOneBy({ integrationKeyHash: keyHash }),
    );
  }
}

/** The due time of a heartbeat watched from `now`; null when there is nothing to watch. */
function watchStartedAt(heartbeat: HeartbeatSettings | null, now: Date): Date | null {
  return heartbeat?.enabled ? heartbeatDueAt(heartbeat, now) : null;
}
