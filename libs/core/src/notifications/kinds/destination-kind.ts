import type { NotificationContent } from '../notification-content.js';
import type { NotificationTemplate } from '../notification-template.js';

/** What one delivery sends: one notification, a digest of many, or a test. */
export interface OutgoingMessage {
  type: 'notification' | 'digest' | 'test';
  /** Rendered through the subscription's template (a digest has its own). */
  title: string;
  text: string;
  /** Oldest first; one for a notification, none for a test. */
  notifications: NotificationContent[];
}

/** Where and how a subscription sends, secrets included. */
export interface Destination {
  url: string;
  secret: string | null;
  headers: Readonly<Record<string, string>>;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What the destination answered, as far as a kind reads it. */
export interface DestinationAnswer {
  status: number;
  retryAfter: string | undefined;
  body: Buffer;
}

/** What an answer means for the notifications it carried. */
export type Verdict =
  | { outcome: 'delivered' }
  /** Sent too much: the message waits, and the destination is not sent to for `retryAfterMs`. */
  | { outcome: 'rate_limited'; reason: string; retryAfterMs: number | undefined }
  | { outcome: 'failed'; reason: string };

/**
 * A kind of destination (a provider, in Novu's words): pure, no I/O. It builds the request of a
 * message, signed as the vendor wants it, and reads the vendor's answer.
 */
export interface DestinationKind<Id extends string = string> {
  readonly id: Id;
  /** What the vendor tolerates; a subscription may set its own bound. */
  readonly defaultRatePerMinute: number;
  readonly defaultTemplate: NotificationTemplate;
  /** The secret: required, optional (signing switched on at the vendor) or not taken. */
  readonly secret: 'required' | 'optional' | 'none';
  /** Takes custom HTTP headers (the generic webhook only). */
  readonly takesHeaders: boolean;
  /** What a URL of the kind must look like, besides being http(s). */
  urlProblem(url: URL): string | undefined;
  request(message: OutgoingMessage, destination: Destination, now: Date): OutgoingRequest;
  verdict(answer: DestinationAnswer): Verdict;
}
