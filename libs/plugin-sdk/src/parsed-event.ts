import type { EventStatus } from './severity.js';

/** Links back to where the alert came from. */
export interface EventLinks {
  generatorUrl?: string;
  sourceUrl?: string;
}

/** One alert occurrence as a plugin read it from a push, before severity mapping and routing. */
export interface ParsedEvent {
  status: EventStatus;
  /** Stable identity of the problem at the source: events with the same key fold into one alert. */
  alertKey: string;
  title: string;
  description?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** The source's own severity word, before mapping; filled in by the severity map when absent. */
  sourceSeverity?: string;
  startsAt?: Date;
  endsAt?: Date;
  eventTime?: Date;
  links?: EventLinks;
  /** This event's part of the payload, stored as received. */
  raw: unknown;
}
