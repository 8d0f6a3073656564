import type { PushPlanner } from './push-batch.js';
import type { AlertRecord } from './tables/alerts.table.js';
import type { PushLogRecord } from './tables/push-log.table.js';

/**
 * The hot writes, one implementation per dialect (`SqliteHotWriter`, `PostgresHotWriter`). Every
 * promise settles after the commit that holds its rows: a 2xx built on one never runs ahead of
 * the disk.
 */
export interface HotWriter {
  /**
   * A function storing one push with `planner`, resolving to that push's result. Pushes that
   * arrive together share a transaction (group commit); when one fails, the others are written
   * again without it, so that it fails alone.
   */
  pushWriter<Push, Result>(planner: PushPlanner<Push, Result>): (push: Push) => Promise<Result>;

  /**
   * Resolves up to `limit` active alerts whose auto-resolve time is at or before `now`, as
   * `resolve` says (the domain's rule), in one transaction in which contributors see them as a
   * batch of changed alerts without events. Resolves to how many. On PostgreSQL it skips the
   * alerts a push holds: that push settles them itself, or the next sweep does.
   */
  resolveDueAlerts(
    now: Date,
    limit: number,
    resolve: (alert: AlertRecord) => void,
  ): Promise<number>;

  /**
   * Changes the active alerts among `ids` that silence `silenceId` still holds, as `change` says
   * (the silence sweep: held by another silence now, or by none), in one transaction in which
   * contributors see them as a batch of changed alerts without events: an alert no silence holds
   * any more is announced as a push un-silencing it would be. Resolves to how many changed. An
   * alert a push resolved or silenced otherwise meanwhile is left as the push wrote it.
   */
  changeSilencedAlerts(
    ids: readonly number[],
    silenceId: string,
    change: (alert: AlertRecord) => void,
  ): Promise<number>;

  /** Adds the entries, then drops the entries of their integrations older than the latest `kept`. */
  appendPushLog(entries: readonly PushLogRecord[], kept: number): Promise<void>;
}

/** Injection token of the app's `HotWriter`. */
export const HOT_WRITER = Symbol('HotWriter');

/** The integrations whose logs the entries go to, each once. */
export function integrationIdsOf(entries: readonly PushLogRecord[]): Set<string> {
  return new Set(entries.map((entry) => entry.integrationId));
}
