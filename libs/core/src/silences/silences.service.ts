import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import { ChannelsService } from '../channels/channels.service.js';
import { ConflictError, InvalidParameterError, NotFoundError } from '../common/api-error.js';
import { VersionConflictError } from '../common/version-conflict.error.js';
import { WriteQueue } from '../storage/index.js';
import { AlertSilenceMarks } from '../events/alert-silence-marks.js';
import { EventsQueryService } from '../events/events-query.service.js';
import type { RouteCondition } from '../routing/route-set.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { ActiveSilences } from './active-silences.js';
import { SILENCE_LIMITS } from './dto/silence-rule.dto.js';
import type { SilenceAlertDto } from './dto/silence-alert.dto.js';
import { scheduleEnd } from './silence-schedule.js';
import { scopeColumns } from './silence-scope.js';
import { parseSilence, type SilenceInput } from './silence-validation.js';
import { silenceView, type SilenceView } from './silence.view.js';
import { Silence } from './silence.entity.js';
import type { SilenceDefinition, SilenceScope } from './silence.js';

/** Silences that have not ended, at most: each is tried on every push of its scope. */
export const MAX_ACTIVE_SILENCES = 1000;

export type SilenceState = 'active' | 'ended';

function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

/** The columns a definition sets. */
function definitionColumns(definition: SilenceDefinition) {
  return {
    reason: definition.reason,
    conditions: definition.conditions,
    ...scopeColumns(definition.scope),
    schedule: definition.schedule,
    mode: definition.mode,
    expiresAt: definition.expiresAt,
    endsAt: earlier(definition.expiresAt, scheduleEnd(definition.schedule)),
  };
}

/** Creates, reads, replaces and ends silences; a change reaches the ingest path at once. */
@Injectable()
export class SilencesService {
  private readonly silences: Repository<Silence>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly active: ActiveSilences,
    private readonly integrations: IntegrationsService,
    private readonly channels: ChannelsService,
    private readonly alerts: EventsQueryService,
    private readonly alertMarks: AlertSilenceMarks,
  ) {
    this.silences = dataSource.getRepository(Silence);
  }

  /** The definition once every check passed, the scope's integration or channel included. */
  async validated(input: SilenceInput): Promise<SilenceDefinition> {
    const definition = parseSilence(input);
    await this.assertScopeExists(definition.scope);
    return definition;
  }

  async create(input: SilenceInput, createdBy: string): Promise<SilenceView> {
    const definition = await this.validated(input);
    const now = new Date();
    const silence = await this.writes.run(async () => {
      const active = await this.silences.count({
        where: [{ endsAt: IsNull() }, { endsAt: MoreThan(now) }],
      });
      if (active >= MAX_ACTIVE_SILENCES) {
        throw new ConflictError(
          'TooManySilences',
          `${active} silences have not ended; at most ${MAX_ACTIVE_SILENCES} may be; end some first`,
        );
      }
      return this.silences.save(
        this.silences.create({
          id: randomUUID(),
          ...definitionColumns(definition),
          createdBy,
          lastMatchedAt: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
    this.active.forget();
    return silenceView(silence, now);
  }

  /**
   * A silence of the alert's integration matching its labels, each equal (its title when it has
   * none: no condition at all would silence the whole integration), from now for the duration.
   * An active alert is silenced at once, as its next firing event would be.
   */
  async createForAlert(
    alertId: number,
    dto: SilenceAlertDto,
    createdBy: string,
  ): Promise<SilenceView> {
    const { alert } = await this.alerts.getAlert(alertId);
    const labels = Object.entries(alert.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (labels.length > SILENCE_LIMITS.conditions) {
      throw new InvalidParameterError(
        `alert ${alertId} has ${labels.length} labels; a silence has at most ${SILENCE_LIMITS.conditions} conditions: create one with POST /api/v1/silences`,
      );
    }
    const conditions: RouteCondition[] =
      labels.length > 0
        ? labels.map(([name, value]) => ({ field: `labels.${name}`, operator: 'equals', value }))
        : [{ field: 'title', operator: 'equals', value: alert.title }];
    const start = new Date();
    const end = new Date(start.getTime() + dto.durationMinutes * 60_000);
    const silence = await this.create(
      {
        reason: dto.reason,
        conditions,
        scope: { type: 'integration', integrationId: alert.integrationId },
        schedule: { type: 'once', start, end },
        mode: dto.mode,
      },
      createdBy,
    );
    await this.alertMarks.silence(alert.id, silence.id, start);
    return silence;
  }

  /** Newest first; `state` keeps the active or the ended ones only. */
  async list(state: SilenceState | undefined): Promise<SilenceView[]> {
    await this.active.flushMatches();
    const now = new Date();
    const where =
      state === 'active'
        ? [{ endsAt: IsNull() }, { endsAt: MoreThan(now) }]
        : state === 'ended'
          ? { endsAt: LessThanOrEqual(now) }
          : {};
    const silences = await this.silences.find({ where, order: { createdAt: 'DESC', id: 'DESC' } });
    return silences.map((silence) => silenceView(silence, now));
  }

  async get(id: string): Promise<SilenceView> {
    await this.active.flushMatches();
    return silenceView(await this.stored(id), new Date());
  }

  /**
   * Replaces the silence if nobody changed it since `version`. The version check is part of the
   * UPDATE, so of two concurrent changes from one version exactly one wins.
   */
  async replace(id: string, input: SilenceInput, version: number): Promise<SilenceView> {
    await this.stored(id);
    const definition = await this.validated(input);
    const now = new Date();
    await this.update(id, version, { ...definitionColumns(definition), updatedAt: now });
    return this.get(id);
  }

  /** Ends the silence now, keeping its record; one that has ended already stays as it is. */
  async expire(id: string): Promise<SilenceView> {
    const silence = await this.stored(id);
    const now = new Date();
    if (silence.endsAt !== null && silence.endsAt.getTime() <= now.getTime()) {
      return silenceView(silence, now);
    }
    await this.update(id, silence.version, {
      expiresAt: earlier(silence.expiresAt, now),
      endsAt: now,
      updatedAt: now,
    });
    return this.get(id);
  }

  private async update(
    id: string,
    version: number,
    columns: Partial<Omit<Silence, 'id' | 'version'>>,
  ): Promise<void> {
    const result = await this.writes.run(() =>
      this.dataSource
        .createQueryBuilder()
        .update(Silence)
        .set({ ...columns, version: () => 'version + 1' })
        .where('id = :id', { id })
        .andWhere('version = :version', { version })
        .execute(),
    );
    this.active.forget();
    if (result.affected === 0) {
      const current = await this.stored(id);
      throw new VersionConflictError('silence', version, current.version);
    }
  }

  private async stored(id: string): Promise<Silence> {
    const silence = await this.silences.findOneBy({ id });
    if (!silence) throw new NotFoundError('silence', id);
    return silence;
  }

  private async assertScopeExists(scope: SilenceScope): Promise<void> {
    if (scope.type === 'channel') await this.channels.assertExist([scope.channelId], 'scope');
    if (scope.type === 'integration') {
      try {
        await this.integrations.get(scope.integrationId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        throw new InvalidParameterError(`scope: unknown integration ${scope.integrationId}`, [
          'scope must name an existing integration',
        ]);
      }
    }
  }
}
