import type { PipelineStepInput } from './pipeline-validation.js';

/** A ready-made list of steps for one of our sources, to copy into an integration's pipeline. */
export interface PipelineTemplate {
  id: string;
  name: string;
  description: string;
  steps: PipelineStepInput[];
}

export const PIPELINE_TEMPLATES: readonly PipelineTemplate[] = [
  {
    id: 'volcengine-vmp',
    name: 'Volcengine VMP',
    description:
      "VMP names a rule by a UUID in `alertname` and gives every occurrence a new id: keep the rule's name as the title and as `rule`, the UUID as `rule_id`, and the occurrence id out of the labels, so routes and searches see one problem however often it recurs",
    steps: [
      { kind: 'title', name: 'rule name as title', template: '{{ $.title }}' },
      {
        kind: 'rename_labels',
        name: 'rule id and level',
        renames: { alertname: 'rule_id', internal_label_alert_level: 'level' },
      },
      { kind: 'set_labels', name: 'rule name as a label', labels: { rule: '{{ $.title }}' } },
      {
        kind: 'delete_labels',
        name: 'occurrence id out of the key',
        names: ['internal_label_alert_id'],
      },
    ],
  },
  {
    id: 'aliyun-arms',
    name: 'Alibaba Cloud ARMS Prometheus',
    description:
      'ARMS adds a dozen `_aliyun_arms_*` labels: the useful ones get short names, the rest move to the `arms_` namespace',
    steps: [
      {
        kind: 'rename_labels',
        name: 'readable ARMS labels',
        renames: {
          _aliyun_arms_region_id: 'region',
          _aliyun_arms_alert_level: 'level',
          _aliyun_arms_involvedObject_kind: 'object_kind',
          _aliyun_arms_involvedObject_name: 'object_name',
          _aliyun_arms_alert_rule_id: 'rule_id',
        },
      },
      {
        kind: 'rename_labels',
        name: 'the rest under arms_',
        renames: { '_aliyun_arms_*': 'arms_*' },
      },
      { kind: 'delete_labels', name: 'account id', names: ['arms_userid'] },
    ],
  },
  {
    id: 'level-names',
    name: 'P0–P4 and Chinese level names',
    description:
      'Severity from the level words Chinese consoles use: P0/P1 and 紧急/严重 Critical, P2/P3 and 警告 Warning, P4 and 提示/通知 Info',
    steps: [
      {
        kind: 'severity',
        name: 'level names',
        remap: {
          P0: 'Critical',
          P1: 'Critical',
          紧急: 'Critical',
          严重: 'Critical',
          致命: 'Critical',
          P2: 'Warning',
          P3: 'Warning',
          警告: 'Warning',
          重要: 'Warning',
          P4: 'Info',
          提示: 'Info',
          通知: 'Info',
          次要: 'Info',
        },
      },
    ],
  },
];
