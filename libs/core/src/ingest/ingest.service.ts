import { Injectable } from '@nestjs/common';
import type { IntegrationPlugin, PushAnswer } from '@alert-hub/plugin-sdk';
import { performance } from 'node:perf_hooks';
import { errorResponseFor } from '../common/error-response.js';
import { nothingStored, type PushSummary } from '../events/normalized-event.js';
import type { Integration } from '../integrations/integration.entity.js';
import { firstSample } from '../plugins/plugin-docs.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailableError } from '../plugins/unknown-plugin.error.js';
import { IngestFlow } from './flow/ingest-flow.js';
import { IngestRun, type IngestCandidates } from './flow/ingest-run.js';
import { IntegrationDisabledError } from './integration-disabled.error.js';
import type { Push } from './push.js';
import { PushMonitor } from './push-monitor.js';
import type { PushRecord } from './push-record.js';
import { ReasonedPushError } from './reasoned-push-error.js';

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
   * test push), and the monitor told how it ended, whichever way that was. The records are
   * written out field by field: a spread of shared fields followed by more of them costs V8
   * about 3 µs per object, more than routing a push.
   */
  async pushFor(integration: Integration, push: Push): Promise<AcceptedPushResult> {
    const started = performance.now();
    try {
      const plugin = this.pluginOf(integration);
      const { summary, note, silenced } = await this.process(integration, plugin, push);
      const answer =
        push.answeredByPlugin && plugin.answer !== undefined
          ? plugin.answer({ body: push.body, requestId: push.requestId, events: summary.events })
          : {};
      this.monitor.record({
        requestId: push.requestId,
        pluginId: push.pluginId,
        receivedAt: push.receivedAt,
        integrationId: integration.id,
        durationMs: performance.now() - started,
        httpStatus: answer.status ?? 200,
        outcome: 'accepted',
        errorCode: null,
        errorMessage: null,
        summary,
        note,
        silenced,
      });
      return { summary, answer };
    } catch (error) {
      const { status, error: body } = errorResponseFor(error);
      this.monitor.record({
        requestId: push.requestId,
        pluginId: push.pluginId,
        receivedAt: push.receivedAt,
        integrationId: integration.id,
        durationMs: performance.now() - started,
        httpStatus: status,
        outcome: status >= 500 ? 'failed' : 'refused',
        errorCode: body.code,
        // The sender is told only what kind of failure it was; the admin reads why here.
        errorMessage: error instanceof ReasonedPushError ? error.reason : body.message,
        summary: null,
        note: null,
      });
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
    const plugin = this.plugins.find(integration.pluginId);
    if (plugin === undefined) throw new PluginUnavailableError(integration.pluginId);
    const run = new IngestRun(
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
    await this.flow.preview(run);
    return run;
  }

  private pluginOf(integration: Integration): IntegrationPlugin {
    if (!integration.enabled) throw new IntegrationDisabledError();
    const plugin = this.plugins.find(integration.pluginId);
    if (plugin === undefined) throw new PluginUnavailableError(integration.pluginId);
    return plugin;
  }

  private async process(
    integration: Integration,
    plugin: IntegrationPlugin,
    push: Push,
  ): Promise<Pick<PushRecord, 'note' | 'silenced'> & { summary: PushSummary }> {
    const run = new IngestRun(integration, plugin, push);
    await this.flow.push(run);
    return { summary: run.summary ?? nothingStored(), note: run.note, silenced: run.silenced };
  }
}
