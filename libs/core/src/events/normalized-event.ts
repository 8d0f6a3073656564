import { ApiProperty } from '@nestjs/swagger';
import type { AppliedStep } from './applied-step.js';
import type { EventLinks, EventSeverityStatus, EventStatus, Severity } from '@alert-hub/plugin-sdk';

/** A parsed event after severity mapping and the core's length limits: what gets stored. */
export interface NormalizedEvent {
  status: EventStatus;
  severity: Severity;
  eventStatus: EventSeverityStatus;
  sourceSeverity: string | null;
  alertKey: string;
  title: string;
  /**
   * The source sent no title: `title` is the SDK's stand-in, and where the event folds into an
   * alert it shows that alert's title and description instead (see the SDK's `ParsedEvent`).
   */
  keepsAlertTitle: boolean;
  description: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  links: EventLinks | null;
  startsAt: Date | null;
  endsAt: Date | null;
  eventTime: Date;
  /**
   * The plugin labelled it `resolves=never` (read before labels are cut): its alert resolves by
   * itself, `autoResolveAfterSeconds` after it was received.
   */
  neverResolves: boolean;
  /** The steps of the integration's pipeline that changed it; null when none did. */
  pipelineSteps: AppliedStep[] | null;
  raw: unknown;
}

/** A normalized event and the channels routing chose for it; none means unrouted. */
export interface RoutedEvent {
  event: NormalizedEvent;
  channelIds: string[];
  /**
   * The silence (mode mark) that matched each copy of the event, by channel id (null: the copy
   * of an unrouted event); a copy not in it, or no map at all, was matched by none.
   */
  silences?: ReadonlyMap<string | null, string>;
}

/** One push, ready to store in one transaction. */
export interface PushToStore {
  integrationId: string;
  pluginId: string;
  requestId: string;
  receivedAt: Date;
  /** The integration's: how long an alert of events that never resolve stays active. */
  autoResolveAfterSeconds: number;
  events: RoutedEvent[];
}

/** What a push did; returned to the sender. */
export class PushSummary {
  @ApiProperty({ type: 'integer', description: 'Events the payload held, beats included' })
  events!: number;

  @ApiProperty({ type: 'integer', description: 'Event rows written, one per channel reached' })
  stored!: number;

  @ApiProperty({ type: 'integer', description: 'Repeats of the latest event: counted, not stored' })
  deduplicated!: number;

  @ApiProperty({ type: 'integer', description: 'Stored events no channel received' })
  unrouted!: number;

  @ApiProperty({
    type: 'integer',
    description:
      "Beats of the integration's heartbeat: events matching its conditions (counted, not " +
      'stored), or 1 for a ping, or for any push when its source is push',
  })
  beats!: number;
}

/** The summary of a push that stored nothing. */
export function nothingStored(): PushSummary {
  return { events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 0 };
}
