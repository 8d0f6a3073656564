import type { AcceptedPush, PushAnswer } from './answer/push-answer.js';
import type { PushBodySchema } from './body-schema/push-body-schema.js';
import type { SubscriptionHandshake } from './handshake/subscription-handshake.js';
import type { ParsedEvent } from './parsed-event.js';
import type { PluginSetting, PluginSettingValues } from './settings/plugin-setting.js';
import type { SeverityMap } from './severity-map.js';
import type {
  VerificationRequest,
  VerificationResult,
} from './verification/request-verification.js';

/** What a parser may know besides the body. Parsers use no other clock than `receivedAt`. */
export interface ParseContext {
  receivedAt: Date;
  headers: Record<string, string>;
  /** The integration's settings, valid against the plugin's `settings`, defaults applied. */
  settings: PluginSettingValues;
  /**
   * Tells the admin something about this push in its push-log entry: why a push that is
   * accepted stores nothing (a test notification, an unsubscribe notice). The last note wins.
   */
  note(message: string): void;
}

export interface PluginDocs {
  /** Markdown setup guide; `{{pushUrl}}` and `{{severityTable}}` are filled in by the core. */
  setup: string;
  /** Example payloads by name; the first one is what "send a test push" sends. */
  samples: Record<string, unknown>;
}

/** What a plugin reads when it declares no `contentTypes`: JSON, as most webhooks send. */
export const DEFAULT_CONTENT_TYPES: readonly string[] = ['application/json'];

/** The media types a plugin reads. */
export function contentTypesOf(plugin: IntegrationPlugin): readonly string[] {
  return plugin.contentTypes ?? DEFAULT_CONTENT_TYPES;
}

/** A monitoring source: how to read its webhook, how to map its severities, how to set it up. */
export interface IntegrationPlugin {
  /** Stable kebab-case id, used in push URLs and stored in the database: never change it. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly severityMap: SeverityMap;
  readonly docs: PluginDocs;
  /**
   * The media types (a `Content-Type` without its parameters, lowercase) this source sends its
   * body as. The core refuses any other with `415`, naming these, before it reads the body.
   * Default: {@link DEFAULT_CONTENT_TYPES}.
   */
  readonly contentTypes?: readonly string[];
  /** What an integration of this plugin can be configured with; the admin API validates it. */
  readonly settings?: readonly PluginSetting[];
  /**
   * Hosts the core may contact for this plugin (signing certificates, subscription handshakes):
   * a name, or a pattern where `*` stands for exactly one DNS label (`sns.*.amazonaws.com`).
   * HTTPS on port 443 only. Nothing is contacted for a plugin that declares none.
   */
  readonly outboundHosts?: readonly string[];
  /**
   * Decides whether a push really comes from the source (a signature over the body), after its
   * key is accepted and before `parse`. A failure is answered `401`. No I/O of its own: a
   * certificate named by the message is fetched through `request.certificates`.
   */
  verify?(request: VerificationRequest): VerificationResult | Promise<VerificationResult>;
  /**
   * Pure: no I/O. Whether this (verified) push is a subscription handshake to confirm instead of
   * events to parse; `undefined` for an ordinary push. Runs before `parse`, which a handshake
   * never reaches. Declare `outboundHosts` covering the confirmation URLs.
   */
  handshake?(body: unknown, context: ParseContext): SubscriptionHandshake | undefined;
  /** Pure: no I/O. Throws `PayloadError` for a body it cannot read. */
  parse(body: unknown, context: ParseContext): ParsedEvent[];
  /**
   * Pure: what a source that expects an answer of its own gets on success instead of the core's:
   * its body (`{"retCode":0}`), its status (202 for PagerDuty senders), or both. Errors are always
   * the core's.
   */
  answer?(push: AcceptedPush): PushAnswer;
  /**
   * The JSON Schema of the body, for a source whose format is documented as one (Alert Hub's own
   * event API): the OpenAPI document shows it as the body of `POST /webhooks/<id>`. An OpenAPI 3.0
   * Schema Object, self-contained (no `$ref`). It documents; `parse` still checks every body.
   */
  readonly bodySchema?: PushBodySchema;
}
