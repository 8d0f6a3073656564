import { Injectable } from '@nestjs/common';
import type { IntegrationPlugin, PushAnswer } from '@alert-hub/plugin-sdk';
import { performance } from 'node:perf_hooks';
import {
  nothingStored,
  type NormalizedEvent,
  type PushSummary,
} from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { IngestFlow } from './flow/ingest-flow.js';
import { IngestRun, type DroppedEvents, type IngestCandidates } from './flow/ingest-run.js';
import { IntegrationDisabledError } from './integration-disabled.error.js';
import type { Push } from './push.js';
import { PushMonitor } from './push-monitor.js';
import {
  acceptedPushRecord,
  unacceptedPushRecord,
  type PushRecord,
  type PushTrace,
} from './push-record.js';

export type { Push } from './push.js';

/** A push the core accepted, and what to answer it with. */
export interface AcceptedPushResult {
  summary: PushSummary;
  /** What the plugin changes of the core's success answer for a source's push: `{}` if nothing. */
  answer: PushAnswer;
}

@Injectable()
export class IngestService {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly monitor: PushMonitor,
    private readonly flow: IngestFlow,
  ) {}

  /**
   * A push for an integration already identified (by its key at the push gate, or the admin's
   * test push), and the monitor told how it ended, whichever way that was.
   */
  async pushFor(integration: Integration, push: Push): Promise<AcceptedPushResult> {
    const started = performance.now();
    try {
      const plugin = this.pluginOf(integration);
      const { summary, note, dropped, silenced } = await this.process(integration, plugin, push);
      const answer =
        push.answeredByPlugin && plugin.answer !== undefined
          ? plugin.answer({ body: push.body, requestId: push.requestId, events: summary.events })
          : {};
      this.monitor.record(
        acceptedPushRecord(
          traceOf(push, integration, started),
          answer.status ?? 200,
          summary,
          note,
          { dropped, silenced },
        ),
      );
      return { summary, answer };
    } catch (error) {
      this.monitor.record(unacceptedPushRecord(traceOf(push, integration, started), error));
      throw error;
    }
  }

  /**
   * Runs a payload (the plugin's first sample when none is given) through the flow as a preview:
   * the events a push would store, and the routing they would get, with nothing stored.
   */
  async preview(
    integration: Integration,
    payload: unknown,
    requestId: string,
    candidates: IngestCandidates = {},
  ): Promise<IngestRun> {
    const run = this.previewRun(integration, payload, requestId, candidates);
    await this.flow.preview(run);
    return run;
  }

  /** The same for events already parsed (stored ones, read again): from the step after parse. */
  async previewEvents(
    integration: Integration,
    events: NormalizedEvent[],
    requestId: string,
    candidates: IngestCandidates = {},
  ): Promise<IngestRun> {
    const run = this.previewRun(integration, undefined, requestId, candidates);
    run.events = events;
    await this.flow.preview(run, 'parse');
    return run;
  }

  private previewRun(
    integration: Integration,
    payload: unknown,
    requestId: string,
    candidates: IngestCandidates,
  ): IngestRun {
    const plugin = this.plugins.pluginOf(integration);
    return new IngestRun(
      integration,
      plugin,
      {
        pluginId: plugin.id,
        body: payload ?? firstSample(plugin),
        rawBody: undefined,
        headers: {},
        requestId,
        receivedAt: new Date(),
        answeredByPlugin: false,
      },
      candidates,
    );
  }

  private pluginOf(integration: Integration): IntegrationPlugin {
    if (!integration.enabled) throw new IntegrationDisabledError();
    return this.plugins.pluginOf(integration);
  }

  private async process(
    integration: Integration,
    plugin: IntegrationPlugin,
    push: Push,
  ): Promise<
    Pick<PushRecord, 'note' | 'silenced'> & { summary: PushSummary; dropped: DroppedEvents }
  > {
    const run = new IngestRun(integration, plugin, push);
    await this.flow.push(run);
    return {
      summary: run.summary ?? nothingStored(),
      note: run.note,
      dropped: run.dropped,
      silenced: run.silenced,
    };
  }
}

function traceOf(push: Push, integration: Integration, started: number): PushTrace {
  return {
    requestId: push.requestId,
    pluginId: push.pluginId,
    integrationId: integration.id,
    receivedAt: push.receivedAt,
    durationMs: performance.now() - started,
  };
}
