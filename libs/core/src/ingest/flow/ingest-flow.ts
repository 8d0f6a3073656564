import { Injectable } from '@nestjs/common';
import type { IngestRun } from './ingest-run.js';
import type { IngestStep } from './ingest-step.js';
import { HandshakeStep } from './steps/handshake.step.js';
import { HeartbeatAfterPushStep } from './steps/heartbeat-after-push.step.js';
import { HeartbeatBeatsStep } from './steps/heartbeat-beats.step.js';
import { ParseStep } from './steps/parse.step.js';
import { PingStep } from './steps/ping.step.js';
import { PipelineStep } from './steps/pipeline.step.js';
import { RouteStep } from './steps/route.step.js';
import { SilenceStep } from './steps/silence.step.js';
import { StoreStep } from './steps/store.step.js';
import { VerifyStep } from './steps/verify.step.js';

/**
 * The one order of ingestion, for a source's push, the admin's test push and every preview:
 *
 *   ping → verify → handshake → parse → heartbeat-beats → pipeline → route → silence → store
 *   → heartbeat-after-push
 *
 * Why this order: nothing is read before its signature is checked; beats are taken out before
 * the pipeline changes events (a beat is about the source, not an alert); everything that changes
 * an event runs before `route`, so rules see the event as it will be stored; whatever decides
 * not to store or notify an event (silences) goes after `route` and before `store`, where an
 * event's channels are known and nothing is written yet. A new step is one class and one place
 * in `steps` below.
 */
@Injectable()
export class IngestFlow {
  /** In the order they run. */
  readonly steps: readonly IngestStep[];

  constructor(
    ping: PingStep,
    verify: VerifyStep,
    handshake: HandshakeStep,
    parse: ParseStep,
    heartbeatBeats: HeartbeatBeatsStep,
    pipeline: PipelineStep,
    route: RouteStep,
    silence: SilenceStep,
    store: StoreStep,
    heartbeatAfterPush: HeartbeatAfterPushStep,
  ) {
    this.steps = [
      ping,
      verify,
      handshake,
      parse,
      heartbeatBeats,
      pipeline,
      route,
      silence,
      store,
      heartbeatAfterPush,
    ];
  }

  /** Runs every step on a push, until one finishes it; throws what a step throws. */
  async push(run: IngestRun): Promise<void> {
    for (const step of this.steps) {
      // Most steps are synchronous: awaiting only promises keeps a push off extra microtasks.
      const done = step.run(run);
      if (done) await done;
      if (run.finished) return;
    }
  }

  /**
   * Runs the steps that have a preview: the same events a push would make, nothing stored. From
   * `after` on, when given: the run already has its events (stored ones, read again).
   */
  async preview(run: IngestRun, after?: 'parse'): Promise<void> {
    const first = after === undefined ? 0 : this.steps.findIndex((step) => step.name === after) + 1;
    for (const step of this.steps.slice(first)) {
      const done = step.preview?.(run);
      if (done) await done;
      if (run.finished) return;
    }
  }
}

/** The providers of the flow, for the module that runs it. */
export const INGEST_FLOW_PROVIDERS = [
  IngestFlow,
  PingStep,
  VerifyStep,
  HandshakeStep,
  ParseStep,
  HeartbeatBeatsStep,
  PipelineStep,
  RouteStep,
  SilenceStep,
  StoreStep,
  HeartbeatAfterPushStep,
];
