import fc from 'fast-check';
import {
  SQL_INJECTIONS,
  expandMarkers,
  hostileString,
  hostileValue,
  percentEncode,
  urlComponent,
} from './hostile-values.js';
import { ENABLED_PLUGIN_IDS } from '../enabled-plugins.js';
import { contentType } from './webhook-cases.js';

/** Every filter of GET /api/v1/events and /alerts, and label filters with hostile names. */
const FILTERS = [
  'integrationId',
  'channelId',
  'alertKey',
  'status',
  'severity',
  'since',
  'until',
  'limit',
  'cursor',
  'unrouted',
  'label.alertname',
  'label.severity',
  "label.x'--",
  'label.a"b',
  'label.',
  '__proto__',
  'constructor',
];

const filterName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FILTERS) },
  { weight: 2, arbitrary: urlComponent.map((name) => `label.${name}`) },
  { weight: 1, arbitrary: urlComponent },
);

const filterValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SQL_INJECTIONS).map(percentEncode) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('firing', 'active', 'Critical', 'true', '2026-11-01T00:00:00Z', '-1', '1e3')
      .map(percentEncode),
  },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 4, arbitrary: urlComponent },
);

/** A list endpoint with a query string of hostile filters, some given twice. */
export const listQueryCase = fc
  .record({
    path: fc.constantFrom('/api/v1/events', '/api/v1/alerts', '/api/v1/integrations'),
    filters: fc.array(fc.tuple(filterName, filterValue), { maxLength: 5 }),
  })
  .map(({ path, filters }) =>
    filters.length === 0
      ? path
      : `${path}?${filters.map(([name, value]) => `${name}=${value}`).join('&')}`,
  );

/** A route with an id in its path, given a hostile id. */
export const pathCase = fc
  .record({
    method: fc.constantFrom('GET', 'DELETE', 'PATCH', 'POST'),
    template: fc.constantFrom(
      '/api/v1/channels/:id',
      '/api/v1/integrations/:id',
      '/api/v1/integrations/:id/docs',
      '/api/v1/integrations/:id/rotate-key',
      '/api/v1/integrations/:id/test',
      '/api/v1/integrations/:id/mapping',
      '/api/v1/integrations/:id/mapping/preview',
      '/api/v1/alerts/:id',
      '/api/v1/plugins/:id',
      '/webhooks/:id',
    ),
    id: fc.oneof(
      urlComponent,
      fc.constantFrom('prometheus', '1', '0', '-1', '99999999999999999999', '1e3', '0x10'),
      fc.uuid(),
    ),
  })
  .map(({ method, template, id }) => ({ method, url: template.replace(':id', id) }));

const channelBody = fc.record(
  { name: fc.string({ minLength: 1, maxLength: 30 }), description: fc.string({ maxLength: 50 }) },
  { requiredKeys: ['name'] },
);

const integrationBody = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 30 }),
    description: fc.string({ maxLength: 50 }),
    pluginId: fc.constantFrom(...ENABLED_PLUGIN_IDS),
    type: fc.constantFrom('private', 'shared'),
    channelId: fc.uuid(),
    enabled: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A near-valid admin body with fields set to hostile values or unknown fields added. */
const adminBody = fc
  .record({
    base: fc.oneof(channelBody, integrationBody),
    changes: fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('name', 'description', 'pluginId', 'type', 'channelId', 'enabled'),
          hostileString,
        ),
        hostileValue,
      ),
      { maxLength: 3 },
    ),
  })
  .map(({ base, changes }) => {
    const body: Record<string, unknown> = { ...base };
    for (const [field, value] of changes) {
      Object.defineProperty(body, field, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return expandMarkers(JSON.stringify(body));
  });

export type AdminBodyTarget = 'channel' | 'integration';

/** A create or update of a channel or an integration with a hostile or random JSON body. */
export const adminBodyCase = fc.record({
  method: fc.constantFrom('POST', 'PATCH'),
  target: fc.constantFrom<AdminBodyTarget>('channel', 'integration'),
  body: fc.oneof(
    { weight: 4, arbitrary: adminBody },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  ),
  contentType,
});
