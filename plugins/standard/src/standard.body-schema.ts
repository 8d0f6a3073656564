import {
  LINK_NAME_PATTERN,
  MAX_EVENT_LINKS,
  SEVERITIES,
  type PushBodySchema,
} from '@alert-hub/plugin-sdk';
import { ALERT_HUB_ACTIONS, MAX_BATCH_EVENTS } from './alert-hub-event.js';
import { STANDARD_SAMPLES } from './docs/standard.samples.js';
import { FLASHDUTY_EVENT_STATUSES } from './flashduty-event.js';
import { PAGERDUTY_ACTIONS } from './pagerduty-event.js';
import { STANDARD_SEVERITY_MAP } from './standard.severity-map.js';

const SEVERITY_WORDS = Object.entries(STANDARD_SEVERITY_MAP.values)
  .map(([word, severity]) => `${word} → ${severity}`)
  .join(', ');

const text = (description: string) => ({ type: 'string', description });

const LABELS = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description:
    'Labels to route and filter on; numbers and booleans are kept as text, null values left out',
};

/** The Alert Hub event: the fields the parser reads, the rules it holds them to. */
const ALERT_HUB_EVENT = {
  type: 'object',
  title: 'Alert Hub event',
  required: ['action'],
  properties: {
    action: { type: 'string', enum: [...ALERT_HUB_ACTIONS], description: 'Any case' },
    alertKey: text(
      'The identity of the problem: events of one key fold into one alert. Without one, a hash ' +
        'of the title and labels. Required to resolve without a title',
    ),
    title: text(
      "Required on a trigger. A resolve without one keeps the alert's title and description",
    ),
    severity: text(
      `${SEVERITIES.join(', ')}, or a word (any case): ${SEVERITY_WORDS}; ` +
        `anything else, or none, is ${STANDARD_SEVERITY_MAP.default}. A label severity is read first`,
    ),
    description: text('Shown with the alert'),
    labels: LABELS,
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'Free-form details, kept as annotations: text as sent, other values as JSON',
    },
    links: {
      type: 'object',
      maxProperties: MAX_EVENT_LINKS,
      additionalProperties: { type: 'string', pattern: '^https?://' },
      description: `Named links (${LINK_NAME_PATTERN.source}) to absolute http(s) URLs`,
    },
    eventTime: {
      oneOf: [
        { type: 'string', description: 'ISO 8601 with a zone, or Unix seconds or ms as text' },
        { type: 'number', description: 'Unix seconds or milliseconds' },
      ],
      description: 'When it happened; the time received when left out',
    },
  },
  example: STANDARD_SAMPLES.alertHubTrigger,
};

const ALERT_HUB_BATCH = {
  type: 'object',
  title: 'Alert Hub batch',
  required: ['events'],
  properties: {
    events: { type: 'array', maxItems: MAX_BATCH_EVENTS, items: ALERT_HUB_EVENT },
  },
  example: STANDARD_SAMPLES.alertHubBatch,
};

const PAGERDUTY_EVENT = {
  type: 'object',
  title: 'PagerDuty Events API v2 event',
  required: ['event_action'],
  properties: {
    routing_key: text("PagerDuty's integration key: ignored, and not stored"),
    event_action: { type: 'string', enum: [...PAGERDUTY_ACTIONS] },
    dedup_key: text(
      'The alert key. Required to acknowledge or resolve; a trigger without one gets a hash of ' +
        'its summary and labels, answered as dedup_key',
    ),
    payload: {
      type: 'object',
      description: 'Required on a trigger',
      properties: {
        summary: text('The title; required on a trigger'),
        severity: text('critical, error, warning or info'),
        source: text('A label'),
        component: text('A label'),
        group: text('A label'),
        class: text('A label'),
        custom_details: {
          type: 'object',
          additionalProperties: true,
          description: 'Kept as annotations',
        },
        timestamp: text('ISO 8601: the event time'),
      },
    },
    client: text('A label'),
    client_url: text('The link sourceUrl'),
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: ['href'],
        properties: { href: { type: 'string' }, text: { type: 'string' } },
      },
    },
    images: { type: 'array', items: { type: 'object' }, description: 'Not kept' },
  },
  example: STANDARD_SAMPLES.pagerDutyTrigger,
};

const FLASHDUTY_EVENT = {
  type: 'object',
  title: 'Flashduty standard alert event',
  required: ['event_status'],
  properties: {
    event_status: { type: 'string', enum: [...FLASHDUTY_EVENT_STATUSES], description: 'Any case' },
    title_rule: text(
      'The title; required unless Ok. With the prefix [TPL], ${label} and {{.Labels.label}} ' +
        'are filled in from the labels',
    ),
    title: text('Read when title_rule is absent, as older senders name it'),
    alert_key: text(
      'The alert key; without one, a hash of the title and labels. Required on Ok without a title',
    ),
    event_time: { type: 'integer', description: 'Unix seconds (milliseconds are recognised)' },
    description: text('Shown with the alert'),
    labels: LABELS,
    images: { type: 'array', items: { type: 'object' }, description: 'Not kept' },
  },
  example: STANDARD_SAMPLES.flashdutyFiring,
};

/**
 * The body of a push to the standard plugin, for the OpenAPI document: an Alert Hub event or
 * batch, a PagerDuty Events API v2 event, or a Flashduty standard alert event. Built from the
 * constants the parser reads with, so the two cannot disagree on actions, words or bounds.
 */
export const STANDARD_BODY_SCHEMA: PushBodySchema = {
  description:
    'One event in any of three dialects, told apart by their fields: event_action is ' +
    'PagerDuty, event_status Flashduty, anything else Alert Hub (events for a batch)',
  oneOf: [ALERT_HUB_EVENT, ALERT_HUB_BATCH, PAGERDUTY_EVENT, FLASHDUTY_EVENT],
};
