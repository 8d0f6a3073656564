import type { Schemas } from '../api/client';
import { cleanCondition, type Condition } from '../routing/conditions';

export type DestinationKind = Schemas['DestinationKind'];
export type Transition = Schemas['AlertTransition'];

export const DESTINATION_KINDS: DestinationKind[] = [
  'webhook',
  'dingtalk',
  'feishu',
  'wecom',
  'slack',
];
export const TRANSITIONS: Transition[] = [
  'alert.triggered',
  'alert.resolved',
  'alert.severity_changed',
];

/** Kinds that take a signing secret; a webhook requires one (README: Notifications). */
export const SECRET_KINDS: ReadonlySet<DestinationKind> = new Set([
  'webhook',
  'dingtalk',
  'feishu',
]);

/**
 * A subscription as its form holds it. Secrets, header values and whole URLs are never answered:
 * in a change, an empty field keeps what is saved.
 */
export interface SubscriptionDraft {
  name: string;
  kind: DestinationKind;
  url: string;
  secret: string;
  removeSecret: boolean;
  headers: Record<string, string>;
  transitions: Transition[];
  filter: Condition[];
  ownTemplate: boolean;
  templateTitle: string;
  templateBody: string;
  /** Empty: the kind's default. */
  ratePerMinute: string;
  concurrency: number;
}

const DEFAULT_CONCURRENCY = 4;

export function newSubscriptionDraft(): SubscriptionDraft {
  return {
    name: '',
    kind: 'webhook',
    url: '',
    secret: '',
    removeSecret: false,
    headers: {},
    transitions: ['alert.triggered', 'alert.resolved'],
    filter: [],
    ownTemplate: false,
    templateTitle: '',
    templateBody: '',
    ratePerMinute: '',
    concurrency: DEFAULT_CONCURRENCY,
  };
}

export function draftOfSubscription(view: Schemas['SubscriptionView']): SubscriptionDraft {
  const template = view.template ?? view.effectiveTemplate;
  return {
    ...newSubscriptionDraft(),
    name: view.name,
    kind: view.kind,
    transitions: view.transitions,
    filter: view.filter,
    ownTemplate: view.template !== null,
    templateTitle: template.title,
    templateBody: template.body,
    ratePerMinute: String(view.ratePerMinute),
    concurrency: view.concurrency,
  };
}

function sharedFields(draft: SubscriptionDraft) {
  const rate = draft.ratePerMinute.trim();
  return {
    transitions: draft.transitions,
    filter: draft.filter.map(cleanCondition),
    template: draft.ownTemplate ? { title: draft.templateTitle, body: draft.templateBody } : null,
    ...(rate === '' ? {} : { ratePerMinute: Number(rate) }),
    concurrency: draft.concurrency,
  };
}

export function createBodyOf(draft: SubscriptionDraft): Schemas['CreateSubscriptionDto'] {
  return {
    name: draft.name,
    kind: draft.kind,
    url: draft.url,
    ...(SECRET_KINDS.has(draft.kind) && draft.secret !== '' ? { secret: draft.secret } : {}),
    ...(draft.kind === 'webhook' && Object.keys(draft.headers).length > 0
      ? { headers: draft.headers }
      : {}),
    ...sharedFields(draft),
  };
}

/** A change: what is left empty (URL, secret, headers) stays as saved. */
export function updateBodyOf(
  draft: SubscriptionDraft,
  version: number,
): Schemas['UpdateSubscriptionDto'] {
  const secret = draft.removeSecret
    ? { secret: null }
    : draft.secret !== ''
      ? { secret: draft.secret }
      : {};
  return {
    name: draft.name,
    ...(draft.url !== '' ? { url: draft.url } : {}),
    ...(SECRET_KINDS.has(draft.kind) ? secret : {}),
    ...(draft.kind === 'webhook' && Object.keys(draft.headers).length > 0
      ? { headers: draft.headers }
      : {}),
    ...sharedFields(draft),
    version,
  };
}
