import { Injectable } from '@nestjs/common';
import {
  nothingStored,
  type NormalizedEvent,
  type PushSummary,
} from '../events/normalized-event.js';
import { isWatched, type HeartbeatSettings } from '../integrations/heartbeat-settings.js';
import { IntegrationHeartbeats } from '../integrations/integration-heartbeats.js';
import type { Integration } from '../integrations/integration.entity.js';
import { compileCondition, type EventPredicate } from '../routing/route-condition.js';
import { heartbeatResolvedEvent } from './heartbeat-alert-events.js';
import { HeartbeatAlerts } from './heartbeat-alerts.js';
import { NoPingHeartbeatError } from './no-ping-heartbeat.error.js';

/** The events of a push sorted out: the beats among them, and the others, to store. */
export interface SortedEvents {
  beats: number;
  others: NormalizedEvent[];
}

/**
 * Takes the beats of integrations' heartbeats: a ping, an accepted push, or events of a push
 * matching the heartbeat's conditions (counted, never stored: an always-firing Watchdog makes no
 * alert). A push records one beat, however many of its events are beats; the beat that ends a
 * miss resolves its alert.
 */
@Injectable()
export class HeartbeatBeats {
  /** Keyed by the settings object: a change of the heartbeat is a new object (and key). */
  private readonly predicates = new WeakMap<HeartbeatSettings, EventPredicate[]>();

  constructor(
    private readonly states: IntegrationHeartbeats,
    private readonly alerts: HeartbeatAlerts,
  ) {}

  /** The events matching the conditions of a watched heartbeat of source events are beats. */
  sortOut(integration: Integration, events: NormalizedEvent[]): SortedEvents {
    const { heartbeat } = integration;
    if (heartbeat === null || heartbeat.source !== 'events' || !isWatched(integration)) {
      return { beats: 0, others: events };
    }
    const conditions = this.conditionsOf(heartbeat);
    const others = events.filter((event) => !conditions.every((holds) => holds(event)));
    return { beats: events.length - others.length, others };
  }

  /**
   * Records the beat an accepted push gave, if any, and says so in its summary: `eventBeats` are
   * its events that were beats (not stored, so not counted in `summary` yet).
   */
  async afterPush(
    integration: Integration,
    push: { receivedAt: Date; requestId: string },
    summary: PushSummary,
    eventBeats: number,
  ): Promise<PushSummary> {
    summary.events += eventBeats;
    const beats = integration.heartbeat?.source === 'push' ? 1 : eventBeats;
    if (beats > 0 && isWatched(integration)) {
      summary.beats = beats;
      await this.beat(integration, push.receivedAt, push.requestId);
    }
    return summary;
  }

  /** A ping: a beat, for a heartbeat of source ping only. */
  async ping(integration: Integration, at: Date, requestId: string): Promise<PushSummary> {
    if (integration.heartbeat?.source !== 'ping' || !isWatched(integration)) {
      throw new NoPingHeartbeatError(integration.heartbeat);
    }
    await this.beat(integration, at, requestId);
    return { ...nothingStored(), beats: 1 };
  }

  /**
   * Records a beat; the one that ends a miss resolves its alert. Should that fail, the miss is
   * put back, so that the beat the sender retries (its push answered 5xx) resolves it.
   */
  private async beat(integration: Integration, at: Date, requestId: string): Promise<void> {
    const { heartbeat } = integration;
    if (heartbeat === null) return;
    const outcome = await this.states.recordBeat(integration.id, heartbeat, at);
    if (outcome.kind !== 'recovered') return;
    const resolution = heartbeatResolvedEvent(integration, outcome.missedAt, { kind: 'beat', at });
    try {
      await this.alerts.store(integration, resolution, at, requestId);
    } catch (error) {
      await this.states.restoreMiss(integration.id, outcome.missedAt, at);
      throw error;
    }
  }

  private conditionsOf(heartbeat: HeartbeatSettings): EventPredicate[] {
    let compiled = this.predicates.get(heartbeat);
    if (compiled === undefined) {
      compiled = heartbeat.conditions.map(compileCondition);
      this.predicates.set(heartbeat, compiled);
    }
    return compiled;
  }
}
