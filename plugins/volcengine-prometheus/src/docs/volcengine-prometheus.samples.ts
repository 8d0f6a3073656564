/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * also a fixture (the contract test checks), so its events are reviewed in an expected file.
 */
export const VOLCENGINE_PROMETHEUS_SAMPLES: Record<string, unknown> = {
  firing: {
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: {
          account_id: '200000000',
          internal_label_alert_id: '7f55f4-0dd81796416f412f-c20ca4036a7f4260',
          internal_label_alert_level: 'P0',
          alertname: 'aec4cc4a-5457-4a31-b378-0442d140e6b8',
          __name__: 'container_memory_usage_bytes',
          node: '192.168.1.158',
        },
        annotations: {
          __alerting_resource_current_value__: '1',
          __alerting_rule_levels__:
            '[{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P0","For":"0s","Comparator":"\\u003c","Threshold":5},{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P1","For":"0s","Comparator":"\\u003c","Threshold":6},{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P2","For":"0s","Comparator":"\\u003c","Threshold":7}]',
          __alerting_rule_query__:
            '{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","PromQL":"container_memory_usage_bytes{container=\\"\\"}","WorkspaceID":"046afaa0-8dc4-446a-bf36-df2d7a8aab99"}',
          __alerting_rule_type__: 'vmp/PromQL',
        },
        startsAt: '2022-11-24T19:31:00+08:00',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint: '81e649cc69c24b6d',
      },
    ],
    groupLabels: {
      internal_label_alert_level: 'P0',
      alertname: 'aec4cc4a-5457-4a31-b378-0442d140e6b8',
    },
    commonLabels: {
      account_id: '200000000',
      internal_label_alert_id: '7f55f4-0dd81796416f412f-c20ca4036a7f4260',
      internal_label_alert_level: 'P0',
      alertname: 'aec4cc4a-5457-4a31-b378-0442d140e6b8',
      __name__: 'container_memory_usage_bytes',
      node: '192.168.1.158',
    },
    commonAnnotations: {
      __alerting_resource_current_value__: '1',
      __alerting_rule_levels__:
        '[{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P0","For":"0s","Comparator":"\\u003c","Threshold":5},{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P1","For":"0s","Comparator":"\\u003c","Threshold":6},{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","Level":"P2","For":"0s","Comparator":"\\u003c","Threshold":7}]',
      __alerting_rule_query__:
        '{"AlertingRuleID":"aec4cc4a-5457-4a31-b378-0442d140e6b8","PromQL":"container_memory_usage_bytes{container=\\"\\"}","WorkspaceID":"046afaa0-8dc4-446a-bf36-df2d7a8aab99"}',
      __alerting_rule_type__: 'vmp/PromQL',
    },
    alertingRuleName: '容器内存使用量过高',
  },
};
