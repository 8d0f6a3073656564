import { hubAdmin, type AlertHubUnderTest } from '../lib/systems.js';

/** Rows of the benchmark's map table: the cluster of every push is one of them. */
export const MAP_TABLE_ROWS = 10_000;

/** A 10-step pipeline of every kind that runs on a firing event, its map reading a 10 000-row table. */
export const BENCH_PIPELINE_STEPS = [
  { kind: 'extract', field: 'labels.instance', pattern: '^(?P<host>[^.]+)\\.(?P<env>[a-z]+)\\.' },
  { kind: 'map', table: 'clusters', field: 'labels.cluster' },
  { kind: 'set_labels', labels: { owner: '{{ $.labels.team }}/{{ $.labels.service }}' } },
  { kind: 'rename_labels', renames: { pod: 'k8s_pod' } },
  { kind: 'delete_labels', names: ['job'] },
  { kind: 'severity', remap: { warning: 'Warning', critical: 'Critical', p1: 'Critical' } },
  { kind: 'title', template: '[{{ $.labels.biz_line }}] {{ $.title }} on {{ $.labels.host }}' },
  { kind: 'description', template: '{{ $.annotations.description }}' },
  {
    kind: 'drop',
    reason: 'staging noise',
    conditions: [{ field: 'labels.env', operator: 'equals', value: 'staging' }],
  },
  {
    kind: 'set_labels',
    labels: { routed_by: 'pipeline' },
    conditions: [{ field: 'labels.biz_line', operator: 'exists' }],
  },
];

/** Gives the Hub's integration the benchmark pipeline and its map table. */
export async function installBenchPipeline(hub: AlertHubUnderTest): Promise<void> {
  const admin = hubAdmin(hub, 'PUT');
  const rows = Array.from({ length: MAP_TABLE_ROWS }, (_, index) => ({
    cluster: index === 0 ? 'prod-eu-west-1' : `cluster-${index}`,
    biz_line: `line-${index % 50}`,
    region: `region-${index % 7}`,
  }));
  const base = `/api/v1/integrations/${hub.integrationId}/pipeline`;
  await admin(`${base}/tables/clusters`, { version: 0, keyColumn: 'cluster', rows });
  await admin(base, { version: 0, steps: BENCH_PIPELINE_STEPS });
}
