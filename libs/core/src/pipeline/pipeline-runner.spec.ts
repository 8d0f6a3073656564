import { describe, expect, it } from '@jest/globals';
import { normalizedEvent } from '../testing/normalized-event.js';
import { indexMapTable } from './map-table.js';
import { compilePipeline, runPipeline } from './pipeline-runner.js';
import type { MapTables } from './pipeline-steps.js';
import { parsePipeline, type PipelineStepInput } from './pipeline-validation.js';

const tables: MapTables = new Map([
  [
    'clusters',
    indexMapTable({
      keyColumn: 'cluster_id',
      columns: ['cluster_id', 'team', 'biz_line'],
      rows: [{ cluster_id: 'c-1', team: 'db', biz_line: 'payments' }],
    }),
  ],
]);

function run(steps: PipelineStepInput[], event = normalizedEvent()) {
  return runPipeline(compilePipeline(parsePipeline({ steps })), event, tables);
}

describe('pipeline steps, kind by kind', () => {
  it('set_labels writes templates over the event as it came to the step', () => {
    const { event, applied } = run([
      { kind: 'set_labels', labels: { owner: '{{ $.labels.team }}/{{ $.title }}', team: 'web' } },
    ]);
    expect(event.labels).toMatchObject({ owner: 'db/Disk almost full', team: 'web' });
    expect(applied).toEqual([{ index: 0, kind: 'set_labels', name: null }]);
  });

  it('rename_labels renames by name and by prefix', () => {
    const source = normalizedEvent({
      labels: { _aliyun_arms_region_id: 'cn', _aliyun_arms_x: '1', keep: 'k' },
    });
    const { event } = run(
      [
        {
          kind: 'rename_labels',
          renames: { _aliyun_arms_region_id: 'region', '_aliyun_arms_*': 'arms_*' },
        },
      ],
      source,
    );
    expect(event.labels).toEqual({ region: 'cn', arms_x: '1', keep: 'k' });
  });

  it('rename_labels renames in the order of the labels: a rename onto a label takes its place', () => {
    const source = normalizedEvent({
      labels: { a: '1', pod: 'p', b: '2', k8s_pod: 'old', z: 'z' },
    });
    const { event } = run(
      [{ kind: 'rename_labels', renames: { a: 'b', b: 'c', pod: 'k8s_pod' } }],
      source,
    );
    // `a` became `b` in b's place, then `b` (its value as the step found it) became `c`.
    expect(Object.entries(event.labels)).toEqual([
      ['k8s_pod', 'p'],
      ['z', 'z'],
      ['c', '2'],
    ]);
  });

  it('delete_labels deletes, and is no change when the label is absent', () => {
    expect(run([{ kind: 'delete_labels', names: ['team'] }]).event.labels).toEqual({
      alertname: 'DiskFull',
    });
    expect(run([{ kind: 'delete_labels', names: ['absent'] }]).applied).toEqual([]);
  });

  it('extract puts the named groups of an RE2 match into labels', () => {
    const source = normalizedEvent({ title: 'api-7 is down' });
    const { event } = run(
      [{ kind: 'extract', field: 'title', pattern: '^(?P<service>[a-z]+)-(?P<node>\\d+)' }],
      source,
    );
    expect(event.labels).toMatchObject({ service: 'api', node: '7' });
  });

  it('delete_labels keeps the other labels in their order', () => {
    const source = normalizedEvent({ labels: { a: '1', job: 'j', b: '2', pod: 'p', c: '3' } });
    const { event } = run([{ kind: 'delete_labels', names: ['pod', 'job', 'absent'] }], source);
    expect(Object.entries(event.labels)).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
  });

  it('map looks the key up in its table and sets the other columns', () => {
    const mapped = normalizedEvent({ labels: { cluster_id: 'c-1' } });
    expect(
      run([{ kind: 'map', table: 'clusters', field: 'labels.cluster_id' }], mapped).event.labels,
    ).toEqual({
      cluster_id: 'c-1',
      team: 'db',
      biz_line: 'payments',
    });
    const unknown = normalizedEvent({ labels: { cluster_id: 'c-9' } });
    expect(
      run([{ kind: 'map', table: 'clusters', field: 'labels.cluster_id' }], unknown).applied,
    ).toEqual([]);
  });

  it('severity sets, or remaps the source word in any case, and keeps eventStatus in step', () => {
    expect(run([{ kind: 'severity', set: 'Critical' }]).event.eventStatus).toBe('Critical');
    const p1 = normalizedEvent({ sourceSeverity: 'p1' });
    expect(run([{ kind: 'severity', remap: { P1: 'Info' } }], p1).event.severity).toBe('Info');
    const resolved = normalizedEvent({ status: 'resolved', labels: { level: '紧急' } });
    const remapped = run(
      [{ kind: 'severity', field: 'labels.level', remap: { 紧急: 'Critical' } }],
      resolved,
    ).event;
    expect([remapped.severity, remapped.eventStatus]).toEqual(['Critical', 'Ok']);
  });

  it('title and description write templates; firingOnly skips resolutions', () => {
    const steps: PipelineStepInput[] = [
      { kind: 'title', template: '[{{ $.labels.team }}] {{ $.title }}', firingOnly: true },
      { kind: 'description', template: 'owned by {{ $.labels.team | "nobody" }}' },
    ];
    expect(run(steps).event).toMatchObject({
      title: '[db] Disk almost full',
      description: 'owned by db',
    });
    expect(run(steps, normalizedEvent({ status: 'resolved' })).event.title).toBe(
      'Disk almost full',
    );
  });

  it('drop ends the run with its reason when its conditions hold', () => {
    const steps: PipelineStepInput[] = [
      {
        kind: 'drop',
        reason: 'dev',
        conditions: [{ field: 'labels.env', operator: 'equals', value: 'dev' }],
      },
      { kind: 'set_labels', labels: { after: 'yes' } },
    ];
    const dropped = run(steps, normalizedEvent({ labels: { env: 'dev' } }));
    expect(dropped.droppedBy).toEqual({ index: 0, kind: 'drop', name: null, reason: 'dev' });
    expect(dropped.event.labels.after).toBeUndefined();
    expect(run(steps).droppedBy).toBeNull();
  });

  it('leaves the event given untouched, and returns it as is when nothing changed', () => {
    const source = normalizedEvent();
    const copy = structuredClone(source);
    run([{ kind: 'set_labels', labels: { team: 'web' } }], source);
    expect(source).toEqual(copy);
    expect(run([{ kind: 'delete_labels', names: ['absent'] }], source).event).toBe(source);
  });

  it('keeps a label named __proto__ a label', () => {
    const labels = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    const { event } = run([{ kind: 'set_labels', labels }]);
    expect(Object.getPrototypeOf(event.labels)).toBe(Object.prototype);
    expect(Object.hasOwn(event.labels, '__proto__')).toBe(true);
  });
});
