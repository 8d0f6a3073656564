import { DINGTALK_KIND } from './dingtalk.kind.js';
import type { DestinationKind } from './destination-kind.js';
import { FEISHU_KIND } from './feishu.kind.js';
import { SLACK_KIND } from './slack.kind.js';
import { WEBHOOK_KIND } from './webhook.kind.js';
import { WECOM_KIND } from './wecom.kind.js';

/** Every destination kind: the one list; ids are stored and never change. */
export const DESTINATION_KINDS = [
  WEBHOOK_KIND,
  DINGTALK_KIND,
  FEISHU_KIND,
  WECOM_KIND,
  SLACK_KIND,
] as const;

export type DestinationKindId = (typeof DESTINATION_KINDS)[number]['id'];
export const DESTINATION_KIND_IDS = DESTINATION_KINDS.map((kind) => kind.id);

const BY_ID = new Map<string, DestinationKind>(DESTINATION_KINDS.map((kind) => [kind.id, kind]));

/** The kind of a stored subscription; a stored id is always a known one. */
export function destinationKind(id: string): DestinationKind {
  const kind = BY_ID.get(id);
  if (kind === undefined) throw new Error(`unknown destination kind ${id}`);
  return kind;
}
