import { nothingStored } from '../events/normalized-event.js';
import type { IngestRun } from '../ingest/flow/ingest-run.js';
import { IngestFlow } from '../ingest/flow/ingest-flow.js';
import type { IngestStep } from '../ingest/flow/ingest-step.js';

/** The steps of the ingest flow in their order, as its test expects them. */
export const INGEST_STEP_NAMES = [
  'ping',
  'verify',
  'handshake',
  'parse',
  'heartbeat-beats',
  'pipeline',
  'route',
  'silence',
  'store',
  'heartbeat-after-push',
];

/** The steps that also run in previews: those that change nothing outside the run. */
export const PREVIEWED_STEP_NAMES = ['handshake', 'parse', 'pipeline', 'route'];

export type FlowSteps = ConstructorParameters<typeof IngestFlow>;

/** A flow of stand-in steps that write what ran to `log`; `finishAt` ends the run there. */
export function recordingFlow(log: string[], finishAt?: string): IngestFlow {
  const previewed = new Set(PREVIEWED_STEP_NAMES);
  const steps = INGEST_STEP_NAMES.map((name): IngestStep => {
    const act = (mode: string) => (run: IngestRun) => {
      log.push(`${mode}:${name}`);
      if (name === finishAt) run.finish(nothingStored());
    };
    return previewed.has(name)
      ? { name, run: act('push'), preview: act('preview') }
      : { name, run: act('push') };
  });
  return new IngestFlow(...(steps as unknown as FlowSteps));
}
