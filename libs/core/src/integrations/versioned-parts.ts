import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { VersionConflictError } from '../common/version-conflict.error.js';
import { WriteQueue } from '../storage/index.js';
import { Integration } from './integration.entity.js';
import { IntegrationsService } from './integrations.service.js';

/** The parts of an integration that are replaced whole under a version, and their columns. */
const VERSIONED_PARTS = {
  routes: { versionField: 'routesVersion', versionColumn: 'routes_version' },
  pipeline: { versionField: 'pipelineVersion', versionColumn: 'pipeline_version' },
} as const;

export type VersionedPart = keyof typeof VERSIONED_PARTS;

/** Replaces an integration's routes or pipeline only if nobody changed them meanwhile. */
@Injectable()
export class VersionedParts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly writes: WriteQueue,
  ) {}

  /**
   * Writes `value` if the part is still at `version`, and returns the new version. The version
   * check is part of the UPDATE, so of two concurrent changes from one version exactly one wins;
   * the other is a 409 naming the current version.
   */
  async replace<P extends VersionedPart>(
    integration: Integration,
    part: P,
    value: Integration[P],
    version: number,
  ): Promise<number> {
    const { versionField, versionColumn } = VERSIONED_PARTS[part];
    const changes = {
      [part]: value,
      [versionField]: () => `${versionColumn} + 1`,
      updatedAt: new Date(),
    } as QueryDeepPartialEntity<Integration>;
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Integration)
        .set(changes)
        .where('id = :id', { id: integration.id })
        .andWhere(`${versionColumn} = :version`, { version })
        .execute(),
    );
    if (result.affected === 0) {
      const current = await this.integrations.get(integration.id);
      throw new VersionConflictError(part, version, current[versionField]);
    }
    this.integrations.forgetCached(integration);
    return version + 1;
  }
}
