import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { compileSilence, SilenceIndex, type CompiledSilence } from './compiled-silence.js';
import { scopeOf } from './silence-scope.js';
import { Silence } from './silence.entity.js';

/**
 * How long the ingest path uses the silences it loaded: a change made in this process takes
 * effect at the next push; one made by another server process sharing the database, at the
 * first push after this plus one reload.
 */
export const SILENCES_RELOAD_MS = 5_000;

/**
 * The silences that can still match, compiled and indexed for the ingest path, reloaded by one
 * query at most every `SILENCES_RELOAD_MS`; and when each last matched, kept in memory and
 * written by `flushMatches` (the sweep's, about once a minute), not one write per event.
 */
@Injectable()
export class ActiveSilences {
  private loaded: { index: SilenceIndex; at: number } | undefined;
  private loading: Promise<SilenceIndex> | undefined;
  /** Counts changes made here: a load begun before one must not be kept. */
  private generation = 0;
  private readonly matchedAt = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  /**
   * The index for a push. Only a push that finds none (the first, or the first after a change
   * made here) waits for a load; an index older than `SILENCES_RELOAD_MS` is still used while
   * a reload runs behind it. A push must not wait on a query of its own beside the ones that
   * store it: with the database stalled, those answer 503 within their timeout, and this one,
   * which has none, would hold the push for as long as TCP takes to give up.
   */
  index(now = Date.now()): Promise<SilenceIndex> {
    if (this.loaded === undefined) return this.reload();
    if (now - this.loaded.at >= SILENCES_RELOAD_MS) {
      // A failed reload keeps the index it had; the next push after it tries again.
      this.reload().catch(() => undefined);
    }
    return Promise.resolve(this.loaded.index);
  }

  /** Loads afresh (a load under way is shared). */
  reload(): Promise<SilenceIndex> {
    if (this.loading === undefined) {
      const loading = this.load().finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** A silence changed here: the next push reloads. */
  forget(): void {
    this.generation += 1;
    this.loaded = undefined;
    this.loading = undefined;
  }

  recordMatches(silences: Iterable<CompiledSilence>, at: Date): void {
    const time = at.getTime();
    for (const { id } of silences) {
      if ((this.matchedAt.get(id) ?? 0) < time) this.matchedAt.set(id, time);
    }
  }

  /** Writes the latest match of each silence that matched since the last flush. */
  async flushMatches(): Promise<void> {
    const pending = [...this.matchedAt];
    this.matchedAt.clear();
    for (const [id, time] of pending) {
      const at = new Date(time);
      await this.writes.run(() =>
        this.dataSource
          .createQueryBuilder()
          .update(Silence)
          .set({ lastMatchedAt: at })
          .where('id = :id', { id })
          .andWhere(
            new Brackets((qb) =>
              qb.where('last_matched_at IS NULL').orWhere('last_matched_at < :at', { at }),
            ),
          )
          .execute(),
      );
    }
  }

  private async load(): Promise<SilenceIndex> {
    const generation = this.generation;
    const startedAt = Date.now();
    const silences = await this.dataSource
      .getRepository(Silence)
      .createQueryBuilder('silence')
      .where('silence.ends_at IS NULL')
      .orWhere('silence.ends_at > :now', { now: new Date(startedAt) })
      .orderBy('silence.created_at', 'ASC')
      .addOrderBy('silence.id', 'ASC')
      .getMany();
    const index = new SilenceIndex(
      silences.map((silence) =>
        compileSilence({
          id: silence.id,
          reason: silence.reason,
          conditions: silence.conditions,
          scope: scopeOf(silence),
          schedule: silence.schedule,
          mode: silence.mode,
          expiresAt: silence.expiresAt,
        }),
      ),
    );
    if (generation === this.generation) this.loaded = { index, at: startedAt };
    return index;
  }
}
