import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { Alert } from '../events/alert.entity.js';
import { alertView, type AlertView } from '../events/alert.view.js';
import { FiringEvents } from '../events/firing-events.js';
import { compileSilence } from './compiled-silence.js';
import type { SilenceDefinition } from './silence.js';

/** How far back a preview looks. */
export const PREVIEW_DAYS = 7;
/** Stored events a preview reads at most, newest first. */
export const PREVIEW_MAX_EVENTS = 50_000;
const PREVIEW_BATCH = 5_000;
const SAMPLE_ALERTS = 10;

export class SilencePreviewView {
  @ApiProperty({ description: 'The preview covers events received from this time on' })
  since!: Date;

  @ApiProperty({ type: 'integer', description: 'Firing events of the scope read' })
  scannedEvents!: number;

  @ApiProperty({
    description: `False when the scope held more than ${PREVIEW_MAX_EVENTS} firing events in the period: the newest were read`,
  })
  complete!: boolean;

  @ApiProperty({ type: 'integer', description: 'Events it would have silenced (or dropped)' })
  matchedEvents!: number;

  @ApiProperty({ type: 'integer', description: 'Distinct alerts of those events' })
  matchedAlerts!: number;

  @ApiProperty({
    type: 'array',
    items: { $ref: getSchemaPath(Alert) },
    description: `Up to ${SAMPLE_ALERTS} of those alerts, newest first`,
  })
  sampleAlerts!: AlertView[];
}

/**
 * "What would this silence have silenced over the last 7 days", from stored events: each firing
 * event of the scope is tried at the time it was received, as the ingest path would have.
 * Dropped events were never stored and cannot be counted; resolutions always pass.
 */
@Injectable()
export class SilencePreview {
  constructor(private readonly events: FiringEvents) {}

  async preview(definition: SilenceDefinition, now: Date): Promise<SilencePreviewView> {
    // What it would have done, whatever its expiry: the expiry is about the future.
    const silence = compileSilence({ ...definition, id: 'preview', expiresAt: null });
    const { scope } = definition;
    const since = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000);
    let scannedEvents = 0;
    let matchedEvents = 0;
    const alertIds: number[] = [];
    const seenAlerts = new Set<number>();
    let beforeId: number | undefined;
    while (scannedEvents < PREVIEW_MAX_EVENTS) {
      const batch = await this.events.since({
        since,
        integrationId: scope.type === 'integration' ? scope.integrationId : undefined,
        channelId: scope.type === 'channel' ? scope.channelId : undefined,
        beforeId,
        limit: Math.min(PREVIEW_BATCH, PREVIEW_MAX_EVENTS - scannedEvents),
      });
      for (const event of batch) {
        if (!silence.inForceAt(event.receivedAt.getTime()) || !silence.matches(event)) continue;
        matchedEvents += 1;
        if (event.alertId !== null && !seenAlerts.has(event.alertId)) {
          seenAlerts.add(event.alertId);
          alertIds.push(event.alertId);
        }
      }
      scannedEvents += batch.length;
      const last = batch.at(-1);
      if (last === undefined || batch.length < PREVIEW_BATCH) break;
      beforeId = last.id;
    }
    const sample = await this.events.alerts(alertIds.sort((a, b) => b - a).slice(0, SAMPLE_ALERTS));
    return {
      since,
      scannedEvents,
      complete: scannedEvents < PREVIEW_MAX_EVENTS,
      matchedEvents,
      matchedAlerts: seenAlerts.size,
      sampleAlerts: sample.map(alertView),
    };
  }
}
