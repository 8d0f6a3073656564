import { describe, expect, it } from '@jest/globals';
import { ingestRun } from '../../testing/ingest-run.js';
import {
  INGEST_STEP_NAMES,
  PREVIEWED_STEP_NAMES,
  recordingFlow,
  type FlowSteps,
} from '../../testing/recording-ingest-flow.js';
import { IngestFlow } from './ingest-flow.js';
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

describe('IngestFlow', () => {
  it('runs the real steps in the documented order', () => {
    const none = {} as never;
    const flow = new IngestFlow(
      new PingStep(none),
      new VerifyStep(none),
      new HandshakeStep(none),
      new ParseStep(),
      new HeartbeatBeatsStep(none),
      new PipelineStep(none),
      new RouteStep(none),
      new SilenceStep(none),
      new StoreStep(none),
      new HeartbeatAfterPushStep(none),
    );
    expect(flow.steps.map((step) => step.name)).toEqual(INGEST_STEP_NAMES);
    expect(flow.steps.filter((step) => step.preview).map((step) => step.name)).toEqual(
      PREVIEWED_STEP_NAMES,
    );
  });

  it('runs every step of a push in order', async () => {
    const log: string[] = [];
    await recordingFlow(log).push(ingestRun());
    expect(log).toEqual([
      'push:ping',
      'push:verify',
      'push:handshake',
      'push:parse',
      'push:heartbeat-beats',
      'push:pipeline',
      'push:route',
      'push:silence',
      'push:store',
      'push:heartbeat-after-push',
    ]);
  });

  it('stops after the step that finished the run', async () => {
    const log: string[] = [];
    const run = ingestRun();
    await recordingFlow(log, 'handshake').push(run);
    expect(log).toEqual(['push:ping', 'push:verify', 'push:handshake']);
    expect(run.finished).toBe(true);
  });

  it('previews with the steps that have a preview, and only them', async () => {
    const log: string[] = [];
    await recordingFlow(log).preview(ingestRun());
    expect(log).toEqual([
      'preview:handshake',
      'preview:parse',
      'preview:pipeline',
      'preview:route',
    ]);
  });

  it('passes on what a step throws, and runs no step after it', async () => {
    const log: string[] = [];
    const flow = recordingFlow(log);
    const failing: IngestStep = {
      name: 'verify',
      run: () => Promise.reject(new Error('bad signature')),
    };
    const steps = flow.steps.map((step) => (step.name === 'verify' ? failing : step));
    await expect(
      new IngestFlow(...(steps as unknown as FlowSteps)).push(ingestRun()),
    ).rejects.toThrow('bad signature');
    expect(log).toEqual(['push:ping']);
  });
});
