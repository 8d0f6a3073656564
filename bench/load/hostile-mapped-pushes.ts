import { performance } from 'node:perf_hooks';
import { hubAdmin, type AlertHubUnderTest } from '../lib/systems.js';

/**
 * What one push can cost a mapped webhook at worst: pushes built to make the mapping do as much
 * work as it may (or more), sent one after another, each timed from request to answer. The
 * mapping's work limit is what keeps the first two short; the third is the largest push a
 * mapping accepts whole.
 */
export interface HostilePushFigures {
  system: string;
  case: string;
  pushes: number;
  bodyMb: number;
  /** HTTP status → how many pushes got it. */
  statuses: Record<string, number>;
  p50Ms: number;
  maxMs: number;
}

interface HostileCase {
  id: string;
  mapping: Record<string, unknown>;
  body: (push: number) => string;
}

const ITEMS = 10_000;
const HOSTILE_PUSHES_PER_CASE = 5;

/** A path of 32 steps (the most a path may have) that leads nowhere in the items below. */
const NOWHERE = `$${'.x'.repeat(31)}`;

function labels(count: number, template: string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`l${index}`, template]));
}

function items(push: number, item: (id: string) => Record<string, unknown>): string {
  return JSON.stringify(Array.from({ length: ITEMS }, (_, index) => item(`${push}-${index}`)));
}

const CASES: HostileCase[] = [
  {
    // 32 labels of 3 slots of 8 alternatives of 32 steps each (the largest mapping there is
    // room for): 25 000 steps an item.
    id: 'deep alternatives, 10 000 items',
    mapping: {
      items: '$.alerts',
      alertKey: '$.id',
      title: 't',
      labels: labels(32, `{{ ${Array(8).fill(NOWHERE).join(' | ')} }}`.repeat(3)),
    },
    body: (push) => `{"alerts":${items(push, (id) => ({ id }))}}`,
  },
  {
    // Every item's alert key hashes a 4 MB text of the body.
    id: 'a 4 MB text in every key, 10 000 items',
    mapping: { items: '$.alerts', alertKey: ['$.id', '$$.big'], title: '{{ $$.big }}' },
    body: (push) => `{"big":"${'x'.repeat(4_000_000)}","alerts":${items(push, (id) => ({ id }))}}`,
  },
  {
    // The largest push read whole: 10 000 items, 64 labels each, all stored.
    id: '10 000 items of 64 labels each, accepted',
    mapping: {
      items: '$.alerts',
      alertKey: '$.id',
      title: '{{ $.name }} on {{ $.host }}',
      description: '{{ $.text }}',
      labels: labels(64, '{{ $.host }}'),
    },
    body: (push) =>
      `{"alerts":${items(push, (id) => ({ id, name: 'DiskFull', host: `host-${id}`, text: 'disk almost full' }))}}`,
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function measureHostileMappedPushes(
  hub: AlertHubUnderTest,
  log: (line: string) => void,
  pushesPerCase = HOSTILE_PUSHES_PER_CASE,
): Promise<HostilePushFigures[]> {
  const admin = hubAdmin(hub);
  const figures: HostilePushFigures[] = [];
  for (const hostile of CASES) {
    const integration = await admin('/api/v1/integrations', {
      name: `hostile: ${hostile.id}`,
      pluginId: 'webhook',
      type: 'private',
      channelId: hub.channelId,
      settings: { mapping: hostile.mapping },
    });
    const url = `${hub.server.url}/webhooks/webhook?integration_key=${String(integration.data.integrationKey)}`;
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    let bodyBytes = 0;
    for (let push = 0; push < pushesPerCase; push++) {
      const body = hostile.body(push);
      bodyBytes = Buffer.byteLength(body);
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
    const measured: HostilePushFigures = {
      system: hub.id,
      case: hostile.id,
      pushes: pushesPerCase,
      bodyMb: bodyBytes / 1e6,
      statuses,
      p50Ms: median(times),
      maxMs: Math.max(...times),
    };
    log(
      `  hostile mapped push, ${hostile.id}: ${JSON.stringify(statuses)}, ` +
        `${measured.bodyMb.toFixed(1)} MB, p50 ${measured.p50Ms.toFixed(0)} ms, max ${measured.maxMs.toFixed(0)} ms`,
    );
    figures.push(measured);
  }
  return figures;
}

/** Markdown, as the other tables of the run. */
export function formatHostileTable(figures: HostilePushFigures[]): string {
  const lines = [
    '| system | hostile mapped push | body MB | answers | p50 ms | max ms |',
    '| --- | --- | ---: | --- | ---: | ---: |',
  ];
  for (const f of figures) {
    const answers = Object.entries(f.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
    lines.push(
      `| ${f.system} | ${f.case} | ${f.bodyMb.toFixed(1)} | ${answers} | ${f.p50Ms.toFixed(0)} | ${f.maxMs.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}
