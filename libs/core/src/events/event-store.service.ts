import { Inject, Injectable } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { LatestEventTimes } from '../integrations/latest-event-times.js';
import { HOT_WRITER, type HotWriter } from '../storage/index.js';
import type { PushSummary, PushToStore } from './normalized-event.js';
import { pushPlanner } from './push-planner.js';
import { DEFAULT_MAX_EVENT_RAW_BYTES } from './stored-raw.js';

/** A push that lost a race for a new alert is replayed; it then folds into the winner's alert. */
const MAX_ATTEMPTS = 4;

/**
 * Stores a push: every event row and the alerts they fold into, in one transaction, through the
 * storage layer's writer. The promise settles only after the commit, so a 2xx always means the
 * events are on disk.
 */
@Injectable()
export class EventStore {
  private readonly writeOnce: (push: PushToStore) => Promise<PushSummary>;

  constructor(
    @Inject(HOT_WRITER) writer: HotWriter,
    private readonly latestEventTimes: LatestEventTimes,
    @Inject(CORE_OPTIONS) options: CoreOptions,
  ) {
    this.writeOnce = writer.pushWriter(
      pushPlanner(options.maxEventRawBytes ?? DEFAULT_MAX_EVENT_RAW_BYTES),
    );
  }

  async store(push: PushToStore): Promise<PushSummary> {
    const summary = await this.writeRetryingRaces(push);
    await this.latestEventTimes.record(push.integrationId, push.receivedAt);
    return summary;
  }

  /**
   * Stores events the server makes itself for an integration (its heartbeat's alert): they say
   * nothing about what the source sent, so the integration's latest event time stays.
   */
  storeGenerated(push: PushToStore): Promise<PushSummary> {
    return this.writeRetryingRaces(push);
  }

  private async writeRetryingRaces(push: PushToStore): Promise<PushSummary> {
    for (let attempts = 1; ; attempts++) {
      try {
        return await this.writeOnce(push);
      } catch (error) {
        if (attempts >= MAX_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }
}
